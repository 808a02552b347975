package io.anomalyscore.scoring.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a Lambda response: the API Gateway v2 envelope as usual, or, for a direct invocation,
 * the plain JSON body when the status is 2xx and a {@link DirectInvocationError} (a failed
 * invocation) otherwise.
 */
final class DirectResponseSerializer extends StdSerializer<APIGatewayV2HTTPResponse>
        implements ContextualSerializer, ResolvableSerializer {

    private final JsonSerializer<Object> delegate;

    DirectResponseSerializer(JsonSerializer<Object> delegate) {
        super(APIGatewayV2HTTPResponse.class);
        this.delegate = delegate;
    }

    @Override
    public void serialize(APIGatewayV2HTTPResponse response, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        if (!DirectInvocation.marked(response.getHeaders())) {
            delegate.serialize(response, gen, provider);
            return;
        }
        String body = body(response);
        if (response.getStatusCode() / 100 == 2) {
            gen.writeRawValue(body);
            return;
        }
        throw DirectInvocationError.of(response.getStatusCode(), body);
    }

    private static String body(APIGatewayV2HTTPResponse response) {
        String body = response.getBody() == null ? "" : response.getBody();
        return response.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                : body;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider prov, BeanProperty property)
            throws JsonMappingException {
        if (delegate instanceof ContextualSerializer contextual) {
            return new DirectResponseSerializer(
                    (JsonSerializer<Object>) contextual.createContextual(prov, property));
        }
        return this;
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
        if (delegate instanceof ResolvableSerializer resolvable) {
            resolvable.resolve(provider);
        }
    }
}
