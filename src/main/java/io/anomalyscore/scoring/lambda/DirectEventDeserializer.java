package io.anomalyscore.scoring.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.anomalyscore.scoring.Problem;
import io.anomalyscore.scoring.ProblemType;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a Lambda event: an API Gateway HTTP API (v2) event as usual, or a direct payload (any
 * JSON without {@code requestContext}, {@code routeKey} or {@code rawPath}) as a synthetic {@code
 * POST /v1/score} event whose body is the payload and which carries the direct-invocation marker.
 *
 * <p>A marker header sent by a real HTTP client is removed, so only direct payloads get the
 * direct response format.
 */
final class DirectEventDeserializer extends DelegatingDeserializer {

    /** Keeps number text exact when the payload is turned back into a body. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // the HTTP path rejects duplicate keys (RecordParser); a tree would silently keep the last one
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    DirectEventDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new DirectEventDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree;
        try {
            tree = EXACT.readTree(p);
            // the Lambda reader stops after the first value; the HTTP path rejects trailing data
            if (p.getParsingContext().inRoot() && p.nextToken() != null) {
                throw DirectInvocationError.of(Problem.of(ProblemType.MALFORMED_JSON,
                        "the payload holds data after the first JSON value"));
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw DirectInvocationError.of(Problem.of(ProblemType.MALFORMED_JSON,
                    "the payload is not valid JSON" + where + " (NaN and Infinity are not JSON numbers)"));
        }
        if (!isHttpEvent(tree)) {
            return directEvent(tree);
        }
        JsonParser events = tree.traverse(p.getCodec());
        events.nextToken();
        APIGatewayV2HTTPEvent event = (APIGatewayV2HTTPEvent) _delegatee.deserialize(events, ctxt);
        if (event.getHeaders() != null) {
            event.getHeaders().keySet().removeIf(DirectInvocation.HEADER::equalsIgnoreCase);
        }
        return event;
    }

    /** A {@code null} payload: Jackson asks for the null value instead of calling {@link #deserialize}. */
    @Override
    public Object getNullValue(DeserializationContext ctxt) {
        return directEvent(NullNode.getInstance());
    }

    private static boolean isHttpEvent(JsonNode tree) {
        if (!tree.isObject()) {
            return false;
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase("requestContext") || name.equalsIgnoreCase("routeKey")
                    || name.equalsIgnoreCase("rawPath")) {
                return true;
            }
        }
        return false;
    }

    private static APIGatewayV2HTTPEvent directEvent(JsonNode payload) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath(DirectInvocation.PATH);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent("lambda-direct-invocation");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey("$default");
        context.setStage("$default");
        context.setRequestId(UUID.randomUUID().toString());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put(DirectInvocation.HEADER, DirectInvocation.VALUE);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(DirectInvocation.PATH);
        event.setRawQueryString("");
        event.setHeaders(headers);
        event.setBody(payload.toString());
        event.setIsBase64Encoded(false);
        event.setRequestContext(context);
        return event;
    }
}
