package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error case of API v1 comes out as {@code application/problem+json} with a stable type,
 * never as a 500, a stack trace or a Java class name. (Tests run with max-records 50 and
 * max-body-bytes 65536.)
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final double[] ROW = CardioRows.first(1)[0];

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://anomalyscore.io/problems/" + type))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("\tat ")));
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/score").then();
    }

    private static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/score").then();
    }

    private static Map<String, Object> record(String feature, Object value) {
        Map<String, Object> record = new LinkedHashMap<>(CardioRows.byName(ROW));
        record.put(feature, value);
        return record;
    }

    @Test
    void missingFeature() {
        Map<String, Object> record = CardioRows.byName(ROW);
        record.remove("f7");
        problem(post(Map.of("records", List.of(CardioRows.byName(ROW), record))), 400, "invalid-records")
                .body("errors", hasSize(1))
                .body("errors[0].record", equalTo(1))
                .body("errors[0].feature", equalTo("f7"))
                .body("errors[0].message", equalTo("missing feature"));
    }

    @Test
    void unknownFeature() {
        problem(post(Map.of("records", List.of(record("temperature", 1.0)))), 400, "invalid-records")
                .body("errors[0].record", equalTo(0))
                .body("errors[0].feature", equalTo("temperature"))
                .body("errors[0].message", equalTo("unknown feature"));
    }

    /** Hostile feature names, and how each must be echoed (see EchoedName). */
    static final Map<String, String> HOSTILE_NAMES = Map.of(
            "a\nb\u0000c\u001b[2J\u007f", "a?b?c?[2J?",
            "<img src=x onerror=alert(1)>", "?img src=x onerror=alert(1)?",
            "\",\"type\":\"https://evil.example\"}", "?,?type?:?https://evil.example??",
            "\u202Egnp.exe ${jndi:ldap://x}", "?gnp.exe ??jndi:ldap://x?",
            "n".repeat(RecordParser.MAX_NAME_LENGTH), "n".repeat(64) + "...");

    @Test
    void unknownNamesAreEchoedBoundedAndSanitised() {
        for (Map.Entry<String, String> name : HOSTILE_NAMES.entrySet()) {
            String text = problem(post(Map.of("records", List.of(record(name.getKey(), 1.0)))), 400, "invalid-records")
                    .body("errors[0].feature", equalTo(name.getValue()))
                    .body("errors[0].message", equalTo("unknown feature"))
                    .extract().asString();
            assertThat(text).as(name.getValue()).doesNotContain("<", ">", "\\u", "\\n", "$", "n".repeat(65));
            problem(post(Map.of("records", List.of(ROW), name.getKey(), 1)), 400, "invalid-records")
                    .body("detail", equalTo("unknown field \"" + name.getValue()
                            + "\"; the body holds \"records\" and optionally \"explain\""));
        }
    }

    @Test
    void namesOverTheParserLimitAreNotEchoedAtAll() {
        String name = "q".repeat(10_240);
        problem(post(Map.of("records", List.of(record(name, 1.0)))), 400, "malformed-json")
                .body(not(containsString("qqqq")));
        problem(post(Map.of("records", List.of(ROW), name, 1)), 400, "malformed-json")
                .body(not(containsString("qqqq")));
    }

    @Test
    void nonNumericValuesAreAllReported() {
        Map<String, Object> record = record("f1", "abc");
        record.put("f2", true);
        record.put("f3", Map.of("x", 1));
        record.put("f4", null);
        problem(post(Map.of("records", List.of(record))), 400, "invalid-records")
                .body("errors", hasSize(4))
                .body("errors.feature", equalTo(List.of("f1", "f2", "f3", "f4")))
                .body("errors[0].message", equalTo("expected a number, got a string"))
                .body("errors[1].message", equalTo("expected a number, got a boolean"))
                .body("errors[2].message", equalTo("expected a number, got an object"))
                .body("errors[3].message", containsString("null is not allowed"))
                .body(not(containsString("abc")));
    }

    @Test
    void nanAndInfinityTokensAreMalformedJson() {
        String row = CardioRows.byName(ROW).toString().replace("=", "\":").replace(", ", ", \"").replace("{", "{\"");
        problem(post("{\"records\":[" + row.replace("\"f0\":" + ROW[0], "\"f0\":NaN") + "]}"), 400, "malformed-json");
        problem(post("{\"records\":[[Infinity]]}"), 400, "malformed-json");
    }

    @Test
    void valueOutOfRange() {
        problem(post(Map.of("records", List.of(record("f5", 1e300)))), 400, "invalid-records")
                .body("errors[0].feature", equalTo("f5"))
                .body("errors[0].message", equalTo("value out of range for this model"));
        problem(post("{\"records\":[[1e400" + ",0".repeat(20) + "]]}"), 400, "invalid-records")
                .body("errors[0].feature", equalTo("f0"));
    }

    @Test
    void wrongArrayLength() {
        problem(post(Map.of("records", List.of(List.of(1.0, 2.0)))), 400, "invalid-records")
                .body("errors[0].record", equalTo(0))
                .body("errors[0].message", containsString("holds 2 values; the model expects 21"));
    }

    @Test
    void recordOfWrongKind() {
        problem(post("{\"records\":[42]}"), 400, "invalid-records").body("errors[0].record", equalTo(0));
    }

    @Test
    void recordsMissingOrNotAnArray() {
        problem(post("{}"), 400, "invalid-records").body("detail", containsString("\"records\""));
        problem(post("{\"records\":{\"f0\":1}}"), 400, "invalid-records");
        problem(post("[1,2]"), 400, "invalid-records");
        problem(post("{\"records\":[], \"extra\":1}"), 400, "invalid-records").body("detail", containsString("extra"));
        problem(post("{\"records\":[[0]], \"explain\":\"yes\"}"), 400, "invalid-records");
    }

    @Test
    void emptyAndOversizedBatches() {
        problem(post("{\"records\":[]}"), 400, "invalid-records").body("detail", containsString("send 1 to 50"));
        problem(post(CardioRows.bodyByPosition(Collections.nCopies(51, ROW).toArray(double[][]::new))), 400,
                "invalid-records").body("detail", containsString("holds 51 records"));
    }

    @Test
    void errorsAreCappedAtOneHundred() {
        List<List<String>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(Collections.nCopies(21, "x"));
        }
        problem(post(Map.of("records", records)), 400, "invalid-records")
                .body("errors", hasSize(100))
                .body("detail", containsString("210 invalid"));
    }

    @Test
    void bodyLargerThanTheLimit() {
        problem(post("{\"records\":[" + " ".repeat(70_000) + "]}"), 413, "payload-too-large");
    }

    @Test
    void malformedJson() {
        problem(post("{\"records\": [[1,2,"), 400, "malformed-json").body("detail", containsString("line 1"));
        problem(post(""), 400, "malformed-json");
        problem(post("{\"records\":[]} trailing"), 400, "malformed-json");
        problem(post("[".repeat(40) + "]".repeat(40)), 400, "malformed-json")
                .body("detail", containsString("parser limit"));
        problem(post("{\"records\":[[" + "1".repeat(500) + "]]}"), 400, "malformed-json");
    }

    @Test
    void wrongContentType() {
        problem(given().contentType(ContentType.TEXT).body("{}").when().post("/v1/score").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void unknownPath() {
        problem(given().when().get("/v2/nothing").then(), 404, "not-found");
    }

    @Test
    void wrongMethod() {
        problem(given().when().get("/v1/score").then(), 405, "method-not-allowed");
        problem(given().contentType(ContentType.JSON).body("{}").when().delete("/v1/model").then(), 405,
                "method-not-allowed");
    }

    @Test
    void markerHeaderFromHttpClientsIsIgnored() {
        given().contentType(ContentType.JSON).header("x-anomaly-invocation", "direct").body("{}")
                .when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json")
                .header("x-anomaly-invocation", (String) null);
    }

    @Test
    void duplicateKeysAreMalformed() {
        problem(post("{\"records\":[[0]],\"records\":[[1]]}"), 400, "malformed-json");
        problem(post(Map.of("records", List.of(record("f0", "1")))), 400, "invalid-records")
                .body("errors.feature", hasItem("f0"));
    }
}
