package io.anomalyscore.scoring.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.anomalyscore.scoring.BodySizeLimit;
import io.anomalyscore.scoring.ItemBatchParser;
import io.anomalyscore.scoring.JsonLimitsCustomizer;
import io.anomalyscore.scoring.Problem;
import io.anomalyscore.scoring.ProblemType;
import java.io.IOException;
import java.util.Iterator;

/**
 * Reads a Lambda event: an API Gateway HTTP API (v2) event as usual, or a direct payload (any
 * JSON without {@code requestContext}, {@code routeKey} or {@code rawPath}) as a synthetic {@code
 * POST /v1/score} event whose body is the payload and which carries the direct-invocation marker.
 * A payload with a top-level {@code Items} field is a Step Functions Distributed Map batch and
 * carries the batch marker as well ({@link ItemBatchParser}).
 *
 * <p>A marker header sent by a real HTTP client is removed, so only direct payloads get the
 * direct response format. An event over the reader's size limits ({@link JsonLimitsCustomizer})
 * is payload-too-large: a failed direct invocation, or, when the limit tripped inside an HTTP
 * event's {@code body}, a stand-in event that gets its 413 in the HTTP envelope.
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
            tree = readWhole(p);
        } catch (StreamConstraintsException e) {
            if (!JsonLimitsCustomizer.isSizeLimit(e)) {
                throw malformed(e);
            }
            return tooLarge(p);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        if (isHttpEvent(tree)) {
            return httpEvent(tree, p, ctxt);
        }
        return isItemBatch(tree) ? SyntheticEvents.batch(tree.toString()) : SyntheticEvents.direct(tree.toString());
    }

    /** The event as a tree; the Lambda reader stops after the first value, the HTTP path rejects more. */
    private static JsonNode readWhole(JsonParser p) throws IOException {
        JsonNode tree = EXACT.readTree(p);
        if (p.getParsingContext().inRoot() && p.nextToken() != null) {
            throw DirectInvocationError.of(Problem.of(ProblemType.MALFORMED_JSON,
                    "the payload holds data after the first JSON value"));
        }
        return tree;
    }

    /** For an event over the size limits: the stand-in HTTP event, or a failed direct invocation. */
    private static APIGatewayV2HTTPEvent tooLarge(JsonParser p) throws DirectInvocationError {
        if (inHttpBody(p)) {
            return SyntheticEvents.tooLarge();
        }
        throw DirectInvocationError.of(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, BodySizeLimit.EVENT_TOO_LARGE));
    }

    /** The API Gateway event, without the markers only this reader may set. */
    private APIGatewayV2HTTPEvent httpEvent(JsonNode tree, JsonParser p, DeserializationContext ctxt)
            throws IOException {
        JsonParser events = tree.traverse(p.getCodec());
        events.nextToken();
        APIGatewayV2HTTPEvent event = (APIGatewayV2HTTPEvent) _delegatee.deserialize(events, ctxt);
        if (event.getHeaders() != null) {
            event.getHeaders().keySet().removeIf(name -> DirectInvocation.HEADER.equalsIgnoreCase(name)
                    || BodySizeLimit.EVENT_TOO_LARGE_HEADER.equalsIgnoreCase(name)
                    || ItemBatchParser.HEADER.equalsIgnoreCase(name));
        }
        return event;
    }

    /** A {@code null} payload: Jackson asks for the null value instead of calling {@link #deserialize}. */
    @Override
    public Object getNullValue(DeserializationContext ctxt) {
        return SyntheticEvents.direct(NullNode.getInstance().toString());
    }

    private static DirectInvocationError malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return DirectInvocationError.of(Problem.of(ProblemType.MALFORMED_JSON,
                "the payload is not valid JSON" + where + " (NaN and Infinity are not JSON numbers)"));
    }

    /**
     * Whether the parser stopped inside the top-level {@code body} field, where an API Gateway event
     * carries the request; a direct payload's size is in {@code records}.
     */
    private static boolean inHttpBody(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        while (context != null && context.getParent() != null && !context.getParent().inRoot()) {
            context = context.getParent();
        }
        return context != null && context.inObject() && "body".equalsIgnoreCase(context.getCurrentName());
    }

    /** A Distributed Map batch: {@code {"Items": [...], "BatchInput": {...}}} (the name as Step Functions writes it). */
    private static boolean isItemBatch(JsonNode tree) {
        return tree.isObject() && tree.has("Items");
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
}
