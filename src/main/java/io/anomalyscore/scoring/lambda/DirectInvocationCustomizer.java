package io.anomalyscore.scoring.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Registers the direct-invocation reader and writer for the Lambda event types on the CDI
 * {@link ObjectMapper}.
 *
 * <p>Quarkus builds its Lambda event reader and writer from a copy of that mapper
 * ({@code AmazonLambdaMapperRecorder}), so the module applies to Lambda events. It touches only
 * {@code APIGatewayV2HTTPEvent} and {@code APIGatewayV2HTTPResponse}, which REST endpoints never
 * (de)serialise, so REST's JSON is unaffected.
 */
@Singleton
public class DirectInvocationCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module; public so tests can apply it to a plain mapper. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("anomaly-direct-invocation");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                return bean.getBeanClass() == APIGatewayV2HTTPEvent.class
                        ? new DirectEventDeserializer(deserializer)
                        : deserializer;
            }
        });
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                    JsonSerializer<?> serializer) {
                return bean.getBeanClass() == APIGatewayV2HTTPResponse.class
                        ? new DirectResponseSerializer((JsonSerializer<Object>) serializer)
                        : serializer;
            }
        });
        return module;
    }
}
