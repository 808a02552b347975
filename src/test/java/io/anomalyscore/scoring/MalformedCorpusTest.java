package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of the malformed-input corpus ({@code src/test/resources/malformed/cases.json},
 * written by {@code generate.py} there) through the HTTP path (mock event server, API Gateway v2
 * event) and, where it applies, as a direct Lambda invocation (the body bytes posted raw to
 * {@code /_lambda_}). Every case must get its documented 4xx problem (or its direct-invocation
 * error type), never a 5xx, a stack trace or a Java class name; afterwards a valid request still
 * scores exactly as before.
 */
@QuarkusTest
class MalformedCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERRORS = "io.anomalyscore.scoring.lambda.";
    /** Send the corpus bytes exactly: no charset appended to the content type. */
    private static final RestAssuredConfig RAW = RestAssured.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    record Case(String name, String file, String contentType, String method, String path, String query,
            int status, String type, String direct) {}

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(resource("cases.json"))) {
            cases.add(new Case(c.get("name").asText(), c.get("file").asText(), c.get("contentType").asText(),
                    c.get("method").asText(), c.get("path").asText(), c.get("query").asText(),
                    c.get("status").asInt(), c.get("type").isNull() ? null : c.get("type").asText(),
                    c.get("direct").isNull() ? null : c.get("direct").asText()));
        }
        return cases;
    }

    static byte[] resource(String file) throws IOException {
        try (InputStream in = MalformedCorpusTest.class.getResourceAsStream("/malformed/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String validScores() {
        return given().contentType("application/json")
                .body(CardioRows.bodyByPosition(CardioRows.first(3)))
                .when().post("/v1/score")
                .then().statusCode(200)
                .extract().path("results.score").toString();
    }

    @Test
    void everyCaseGetsItsProblemAndTheServiceKeepsScoring() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        String before = validScores();
        SoftAssertions softly = new SoftAssertions();
        int direct = 0;
        for (Case c : cases) {
            byte[] body = resource(c.file());
            http(softly, c, body);
            if (c.direct() != null) {
                direct(softly, c, body);
                direct++;
            }
        }
        softly.assertAll();
        assertThat(direct).as("cases run as direct invocations").isGreaterThanOrEqualTo(40);
        assertThat(validScores()).as("scores after the corpus").isEqualTo(before);
    }

    private static void http(SoftAssertions softly, Case c, byte[] body) {
        // RestAssured encodes form bodies itself and wants text for them
        RequestSpecification request = given().config(RAW).contentType(c.contentType());
        request = c.contentType().startsWith("application/x-www-form-urlencoded")
                ? request.body(new String(body, StandardCharsets.UTF_8)) : request.body(body);
        Response r = request.when().request(c.method(), c.path() + c.query());
        String text = r.asString();
        String as = "HTTP " + c.name() + ": " + abbreviate(text);
        softly.assertThat(r.statusCode()).as(as).isEqualTo(c.status()).isLessThan(500);
        noLeaks(softly, as, text);
        if (c.type() == null) {
            softly.assertThat(r.contentType()).as(as).startsWith("application/json");
            return;
        }
        softly.assertThat(r.contentType()).as(as).startsWith("application/problem+json");
        JsonNode problem = parse(softly, as, text);
        if (problem != null) {
            softly.assertThat(problem.path("type").asText()).as(as).isEqualTo(ProblemType.BASE + c.type());
            softly.assertThat(problem.path("status").asInt()).as(as).isEqualTo(c.status());
            softly.assertThat(problem.path("detail").asText()).as(as).isNotBlank();
        }
    }

    /**
     * A direct invocation: 200 with the plain body for {@code ok}; for an error type, a failed
     * invocation whose {@code errorMessage} is the matching problem; for {@code unparsed} (payloads
     * the Lambda runtime's reader rejects before our code runs, a known limitation) a failed
     * invocation reported by Jackson, still without a stack trace.
     */
    private static void direct(SoftAssertions softly, Case c, byte[] body) {
        Response r = given().config(RAW).contentType("application/json").body(body).when().post("/_lambda_");
        String text = r.asString();
        String as = "direct " + c.name() + ": " + abbreviate(text);
        JsonNode reply = parse(softly, as, text);
        if (reply == null) {
            return;
        }
        if (c.direct().equals("ok")) {
            softly.assertThat(r.statusCode()).as(as).isEqualTo(200);
            softly.assertThat(reply.path("results").size()).as(as).isEqualTo(1);
            noLeaks(softly, as, text);
            return;
        }
        softly.assertThat(reply.has("results")).as(as + " (scored)").isFalse();
        softly.assertThat(reply.path("stackTrace").size()).as(as + " (stack trace)").isZero();
        if (c.direct().equals("unparsed")) {
            softly.assertThat(reply.path("errorType").asText()).as(as).startsWith("com.fasterxml.jackson.");
            return;
        }
        noLeaks(softly, as, text.replace(ERRORS + c.direct(), ""));
        softly.assertThat(reply.path("errorType").asText()).as(as).isEqualTo(ERRORS + c.direct());
        JsonNode problem = parse(softly, as, reply.path("errorMessage").asText());
        if (problem != null) {
            softly.assertThat(problem.path("type").asText()).as(as)
                    .isEqualTo(ProblemType.BASE + DIRECT_TYPES.get(c.direct()));
            softly.assertThat(problem.path("status").asInt()).as(as).isBetween(400, 499);
        }
    }

    private static final Map<String, String> DIRECT_TYPES = Map.of(
            "InvalidRecordsError", "invalid-records",
            "MalformedJsonError", "malformed-json",
            "PayloadTooLargeError", "payload-too-large");

    private static void noLeaks(SoftAssertions softly, String as, String text) {
        softly.assertThat(text).as(as)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("io.quarkus")
                .doesNotContain("com.fasterxml")
                .doesNotContain("\tat ")
                .doesNotContainIgnoringCase("stacktrace\":[\"");
    }

    private static JsonNode parse(SoftAssertions softly, String as, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            softly.fail(as + ": not JSON");
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
