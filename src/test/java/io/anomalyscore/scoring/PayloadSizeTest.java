package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.scoring.lambda.PayloadTooLargeError;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every size error is a 413 {@code payload-too-large} problem in {@code application/problem+json},
 * on each path a body takes into the function: HTTP through the mock event server (API Gateway v2
 * events, as in dev mode), raw events and direct payloads through the mock event server's
 * {@code /_lambda_}, the Lambda entry point itself ({@code AmazonLambdaRecorder.handle}, which
 * {@code QuarkusStreamHandler::handleRequest} calls in JVM mode) with events over 10 MB, and the
 * HTTP bridge ({@code LambdaHttpHandler}) with bodies over 10 MB. (Tests run with max-body-bytes
 * 65536.)
 *
 * <p>Outside the function, and so not problems: the mock event server itself refuses bodies over
 * 10 MiB with a bare 413 (its Vert.x body handler's default limit, not configurable; recorded
 * below), and on AWS, Lambda refuses payloads over 6 MB before the function is invoked.
 */
@QuarkusTest
class PayloadSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Over the Lambda event reader's 8 MiB, under the mock event server's own 10 MiB. */
    private static final int OVER_EVENT_LIMIT = 9_000_000;
    private static final int OVER_10_MB = 11_000_000;

    /** A valid-looking request of about {@code bytes} bytes. */
    private static String body(int bytes) {
        return "{\"records\":[[" + "0,".repeat(bytes / 2) + "0]]}";
    }

    private static APIGatewayV2HTTPEvent event(String body, String contentLength) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (contentLength != null) {
            headers.put("content-length", contentLength);
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("POST");
        http.setPath("/v1/score");
        http.setSourceIp("127.0.0.1");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey("$default");
        event.setRawPath("/v1/score");
        event.setRawQueryString("");
        event.setHeaders(headers);
        event.setBody(body);
        event.setRequestContext(context);
        return event;
    }

    /** The problem in an API Gateway v2 response envelope, checked to be a text problem+json body. */
    private static JsonNode problemIn(JsonNode envelope, int status) {
        assertThat(envelope.path("statusCode").asInt()).as(envelope.toString()).isEqualTo(status);
        assertThat(envelope.path("headers").path("Content-Type").asText()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(envelope.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode problem = readTree(envelope.path("body").asText());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static void isPayloadTooLarge(JsonNode problem, String detail) {
        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
        assertThat(problem.path("detail").asText()).isEqualTo(detail);
    }

    private static JsonNode invokeRaw(String event) throws IOException {
        Response r = given().contentType(ContentType.JSON).body(event).when().post("/_lambda_");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.asString());
    }

    /** A large POST to the mock event server; java.net.http streams it much faster than RestAssured. */
    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpBodyOverTheEventReaderLimit() throws Exception {
        HttpResponse<String> r = post("/v1/score", body(OVER_EVENT_LIMIT));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).contains(Problem.MEDIA_TYPE);
        isPayloadTooLarge(readTree(r.body()), BodySizeLimit.EVENT_TOO_LARGE);
    }

    @Test
    void directPayloadOverTheEventReaderLimit() throws Exception {
        HttpResponse<String> r = post("/_lambda_", body(OVER_EVENT_LIMIT));
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.path("errorType").asText()).isEqualTo(PayloadTooLargeError.class.getName());
        isPayloadTooLarge(JSON.readTree(error.path("errorMessage").asText()), BodySizeLimit.EVENT_TOO_LARGE);
    }

    @Test
    void apiGatewayEventDeclaringOver10Mb() throws IOException {
        String event = JSON.writeValueAsString(event("{}", String.valueOf(OVER_10_MB)));
        isPayloadTooLarge(problemIn(invokeRaw(event), 413), PayloadTooLargeException.detail(65536));
    }

    @Test
    void contentLengthThatIsNotANumberIsABadRequest() throws IOException {
        for (String length : new String[] {"abc", "-1", "1e9", ""}) {
            JsonNode problem = problemIn(invokeRaw(JSON.writeValueAsString(event("{}", length))), 400);
            assertThat(problem.path("type").asText()).as(length).isEqualTo(ProblemType.BAD_REQUEST.uri().toString());
        }
    }

    @Test
    void sizeMarkerSentByAClientIsRemoved() throws IOException {
        APIGatewayV2HTTPEvent event = event("{}", null);
        event.getHeaders().put(BodySizeLimit.EVENT_TOO_LARGE_HEADER, "true");
        JsonNode problem = problemIn(invokeRaw(JSON.writeValueAsString(event)), 400);
        assertThat(problem.path("type").asText()).isEqualTo(ProblemType.INVALID_RECORDS.uri().toString());
    }

    /** What the Lambda java21 runtime does with an event in JVM mode: the handler's entry point. */
    private static JsonNode handle(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AmazonLambdaRecorder.handle(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void lambdaEntryPointWithEventsOver10Mb() throws IOException {
        String body = body(OVER_10_MB);
        for (String length : new String[] {String.valueOf(body.length()), null}) {
            JsonNode envelope = handle(JSON.writeValueAsString(event(body, length)));
            isPayloadTooLarge(problemIn(envelope, 413), BodySizeLimit.EVENT_TOO_LARGE);
        }
        assertThatThrownBy(() -> handle(body)).isInstanceOfSatisfying(PayloadTooLargeError.class,
                e -> isPayloadTooLarge(readTree(e.getMessage()), BodySizeLimit.EVENT_TOO_LARGE));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    /**
     * Bodies over 10 MB through the HTTP bridge, past the event reader: a declared length is refused
     * by BodySizeLimit (also above the 25M Vert.x limit), an undeclared one by the bounded read.
     */
    @Test
    void httpBridgeWithBodiesOver10Mb() {
        String over10 = body(OVER_10_MB);
        String over25 = body(30_000_000);
        APIGatewayV2HTTPEvent[] events = {
            event(over10, String.valueOf(over10.length())),
            event(over10, null),
            event(over25, String.valueOf(over25.length())),
        };
        for (APIGatewayV2HTTPEvent event : events) {
            APIGatewayV2HTTPResponse response = new LambdaHttpHandler().handleRequest(event, null);
            isPayloadTooLarge(problemIn(JSON.valueToTree(response), 413), PayloadTooLargeException.detail(65536));
        }
    }

    /** A known limit of the local tooling, not of the function: recorded so docs/SECURITY.md stays true. */
    @Test
    void theMockEventServerItselfRefusesBodiesOver10Mib() throws Exception {
        for (String path : new String[] {"/v1/score", "/_lambda_"}) {
            HttpResponse<String> r = post(path, body(OVER_10_MB));
            assertThat(r.statusCode()).as(path).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("problem");
        }
    }

    @Test
    void startUpCheckKeepsTheVertxLimitAboveEveryBridgedBody() {
        long shipped = 25L * 1024 * 1024;
        assertThatCode(() -> BodySizeLimit.check(1 << 20, shipped)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BodySizeLimit.check(1 << 20, 10L * 1024 * 1024))
                .hasMessageContaining("quarkus.http.limits.max-body-size");
        assertThatThrownBy(() -> BodySizeLimit.check((int) shipped, shipped))
                .hasMessageContaining("anomaly.max-body-bytes");
    }
}
