package io.anomalyscore.scoring.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

/**
 * Raw Lambda events posted to the mock event server's {@code /_lambda_}: a plain {@code
 * {"records": ...}} payload gets the plain body back, an invalid one fails the invocation with
 * the Lambda error envelope; an API Gateway v2 event still gets the v2 envelope.
 */
@QuarkusTest
class DirectInvocationTest {

    private static final String ROW = "[0.0049,0.6932,-0.2036,0.5953,0.3532,-0.0614,-0.2783,-1.6504,0.7591,-0.4205,"
            + "0.3721,1.4860,-0.7984,1.8547,0.6226,0.9631,0.3015,0.1931,0.2315,-0.2898,-0.4933]";

    private static String invoke(String payload, int status) {
        return given().contentType(ContentType.JSON).body(payload)
                .when().post("/_lambda_")
                .then().statusCode(status)
                .extract().asString();
    }

    private static JsonPath json(String text) {
        return JsonPath.from(text).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void plainPayloadReturnsPlainBody() {
        JsonPath body = json(invoke("{\"records\":[" + ROW + "," + ROW + "],\"explain\":true}", 200));
        assertThat(body.getString("model.name")).isEqualTo("cardio");
        assertThat(body.getList("results")).hasSize(2);
        assertThat(body.getList("results[0].contributions")).hasSize(5);
        assertThat(body.getMap("$")).doesNotContainKeys("statusCode", "headers", "body");
    }

    @Test
    void directAndHttpPathsGiveTheSameScores() {
        double direct = json(invoke("{\"records\":[" + ROW + "]}", 200)).getDouble("results[0].score");
        String http = given().contentType(ContentType.JSON).body("{\"records\":[" + ROW + "]}")
                .when().post("/v1/score").then().statusCode(200).extract().asString();
        assertThat(direct).isCloseTo(json(http).getDouble("results[0].score"), within(0.0));
    }

    @Test
    void invalidRecordsFailTheInvocation() throws Exception {
        String envelope = invoke("{\"records\":[{\"f0\":\"abc\"}]}", 500);
        JsonNode error = new ObjectMapper().readTree(envelope);
        assertThat(error.get("errorType").asText()).isEqualTo(InvalidRecordsError.class.getName());
        JsonNode problem = new ObjectMapper().readTree(error.get("errorMessage").asText());
        assertThat(problem.get("type").asText()).isEqualTo("https://anomalyscore.io/problems/invalid-records");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).hasSize(21);
        assertThat(problem.get("errors").get(0).get("feature").asText()).isEqualTo("f0");
        assertThat(envelope).doesNotContain("abc");
    }

    @Test
    void unknownNamesInTheErrorAreBoundedAndSanitised() throws Exception {
        String hostile = "<b>\\n\\u0000\\\"}" + "z".repeat(900);
        JsonNode error = new ObjectMapper().readTree(invoke("{\"records\":[{\"" + hostile + "\":1}]}", 500));
        JsonNode problem = new ObjectMapper().readTree(error.get("errorMessage").asText());
        assertThat(problem.get("errors").get(0).get("feature").asText())
                .isEqualTo("?b?????" + "z".repeat(57) + "...");
        error = new ObjectMapper().readTree(invoke("{\"records\":[" + ROW + "],\"" + hostile + "\":1}", 500));
        assertThat(error.get("errorMessage").asText())
                .contains("unknown field \\\"?b?????zzz").doesNotContain("<b>", "z".repeat(58));
        for (int length : new int[] {5_000, 10_240}) { // over RecordParser's and over the event reader's name limit
            String envelope = invoke("{\"records\":[{\"" + "q".repeat(length) + "\":1}]}", 500);
            error = new ObjectMapper().readTree(envelope);
            assertThat(error.get("errorType").asText()).isEqualTo(MalformedJsonError.class.getName());
            assertThat(envelope).doesNotContain("qqqq");
        }
    }

    @Test
    void payloadWithoutRecordsFailsTheInvocation() throws Exception {
        for (String payload : new String[] {"{}", "{\"rows\":[]}", "[1,2]", "{\"records\":[]}"}) {
            JsonNode error = new ObjectMapper().readTree(invoke(payload, 500));
            assertThat(error.get("errorType").asText()).as(payload).isEqualTo(InvalidRecordsError.class.getName());
        }
    }

    @Test
    void malformedPayloadFailsTheInvocation() throws Exception {
        JsonNode error = new ObjectMapper().readTree(invoke("{\"records\":[[NaN]]}", 500));
        assertThat(error.get("errorType").asText()).isEqualTo(MalformedJsonError.class.getName());
        assertThat(error.get("errorMessage").asText()).contains("malformed-json", "not valid JSON");
    }

    @Test
    void oversizedPayloadFailsTheInvocation() throws Exception {
        String payload = "{\"records\":[" + (ROW + ",").repeat(1000) + ROW + "]}";
        JsonNode error = new ObjectMapper().readTree(invoke(payload, 500));
        assertThat(error.get("errorType").asText()).isEqualTo(PayloadTooLargeError.class.getName());
    }

    @Test
    void apiGatewayEventStillGetsTheV2Envelope() {
        String event = """
                {"version":"2.0","routeKey":"$default","rawPath":"/v1/score","rawQueryString":"",
                 "headers":{"content-type":"application/json","x-anomaly-invocation":"direct"},
                 "requestContext":{"http":{"method":"POST","path":"/v1/score","protocol":"HTTP/1.1",
                   "sourceIp":"127.0.0.1","userAgent":"test"},"routeKey":"$default","stage":"$default"},
                 "body":"{\\"records\\":[%s]}","isBase64Encoded":false}
                """.formatted(ROW);
        given().contentType(ContentType.JSON).body(event)
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"results\""))
                .body("headers", notNullValue());
        String bad = event.replace("{\\\"records\\\":[" + ROW + "]}", "{}");
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(400))
                .body("body", containsString("invalid-records"));
    }

    @Test
    void modelEndpointIsUnaffectedByTheModule() {
        given().when().get("/v1/model").then().statusCode(200).body("features", hasSize(21));
    }
}
