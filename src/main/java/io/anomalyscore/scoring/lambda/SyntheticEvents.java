package io.anomalyscore.scoring.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.anomalyscore.scoring.BodySizeLimit;
import io.anomalyscore.scoring.ItemBatchParser;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The API Gateway v2 events the Lambda event reader makes up for payloads that are not one. */
final class SyntheticEvents {

    private SyntheticEvents() {}

    /** {@code POST /v1/score} with {@code body}, marked as a direct invocation. */
    static APIGatewayV2HTTPEvent direct(String body) {
        Map<String, String> headers = jsonHeaders();
        headers.put(DirectInvocation.HEADER, DirectInvocation.VALUE);
        APIGatewayV2HTTPEvent event = post(headers);
        event.getRequestContext().getHttp().setUserAgent("lambda-direct-invocation");
        event.setBody(body);
        return event;
    }

    /** {@code POST /v1/score} with a Distributed Map batch as {@code body}, marked as direct and as a batch. */
    static APIGatewayV2HTTPEvent batch(String body) {
        APIGatewayV2HTTPEvent event = direct(body);
        event.getHeaders().put(ItemBatchParser.HEADER, ItemBatchParser.VALUE);
        return event;
    }

    /**
     * Stands in for an HTTP event too large to read: no body, and the marker that makes {@link
     * BodySizeLimit} answer 413 payload-too-large in the HTTP envelope.
     */
    static APIGatewayV2HTTPEvent tooLarge() {
        Map<String, String> headers = jsonHeaders();
        headers.put(BodySizeLimit.EVENT_TOO_LARGE_HEADER, "true");
        return post(headers);
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        return headers;
    }

    private static APIGatewayV2HTTPEvent post(Map<String, String> headers) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath(DirectInvocation.PATH);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRouteKey("$default");
        context.setStage("$default");
        context.setRequestId(UUID.randomUUID().toString());
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath(DirectInvocation.PATH);
        event.setRawQueryString("");
        event.setHeaders(headers);
        event.setIsBase64Encoded(false);
        event.setRequestContext(context);
        return event;
    }
}
