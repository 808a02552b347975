package io.anomalyscore.scoring.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The warm-up calls: a direct invocation ({@code {"records": ...}} or {@code {"series": ...}}) and
 * an API Gateway v2 {@code POST /v1/score?explain=true} event, each given to the Lambda handler
 * exactly as the runtime interface client gives it an event, with explanations on so the
 * attribution path is warm too. The input is all zeros, sized from the served model.
 */
final class Priming {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int width;
    private final int steps;

    /**
     * @param width features per record (or channels per step)
     * @param steps steps of one window for a window model, 0 for a record model
     */
    Priming(int width, int steps) {
        this.width = width;
        this.steps = steps;
    }

    PrimingReport run() {
        String body = body();
        Call direct = call(body);
        Call http = call(httpEvent(body));
        return new PrimingReport(direct.ms(), direct.check(Priming::directOk), http.ms(), http.check(Priming::httpOk));
    }

    /** The request body: two zero records, or one window of zero steps. */
    String body() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray(steps > 0 ? "series" : "records");
        for (int r = 0; r < Math.max(steps, 2); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < width; c++) {
                row.add(0.0);
            }
        }
        root.put("explain", true);
        return root.toString();
    }

    /** An API Gateway HTTP API (payload 2.0) event carrying {@code body}; fixed ids, nothing unique. */
    static String httpEvent(String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /v1/score");
        event.put("rawPath", "/v1/score");
        event.put("rawQueryString", "explain=true");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        headers.put("user-agent", "snapstart-priming");
        event.putObject("queryStringParameters").put("explain", "true");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "snapstart-priming");
        context.put("routeKey", "POST /v1/score");
        context.put("stage", "$default");
        ObjectNode http = context.putObject("http");
        http.put("method", "POST");
        http.put("path", "/v1/score");
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "snapstart-priming");
        event.put("isBase64Encoded", false);
        event.put("body", body);
        return event.toString();
    }

    private static Call call(String event) {
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new QuarkusStreamHandler().handleRequest(
                    new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new PrimingContext());
            return new Call((System.nanoTime() - start) / 1_000_000, out.toString(StandardCharsets.UTF_8), null);
        } catch (IOException | RuntimeException e) {
            return new Call((System.nanoTime() - start) / 1_000_000, null, e);
        }
    }

    /** A direct reply is the plain response body with results (no API Gateway envelope). */
    private static String directOk(JsonNode reply) {
        return reply.has("statusCode") ? "an API Gateway envelope instead of the plain body"
                : reply.has("results") ? null : "no results in " + reply;
    }

    /** An HTTP reply is the v2 envelope with status 200. */
    private static String httpOk(JsonNode reply) {
        return reply.path("statusCode").asInt() == 200 ? null : "status " + reply.path("statusCode") + ": " + reply;
    }

    private record Call(long ms, String reply, Exception failure) {

        /** {@code null} when the reply passes {@code check}, else what went wrong. */
        String check(java.util.function.Function<JsonNode, String> check) {
            if (failure != null) {
                return failure.getClass().getSimpleName() + ": " + failure.getMessage();
            }
            try {
                return check.apply(JSON.readTree(reply));
            } catch (IOException e) {
                return "not JSON: " + reply;
            }
        }
    }
}
