package io.anomalyscore.scoring.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.deploy.DistributedMapBatches;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Step Functions Distributed Map batches ({@code {"BatchInput": {...}, "Items": [...]}}, CSV rows
 * with every value a string) posted as raw Lambda events to the mock event server's {@code
 * /_lambda_}, as the map's {@code lambda:invoke} task sends them; and the checks that such
 * batches, and numbers as text, are accepted nowhere else.
 */
@QuarkusTest
class ItemBatchInvocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The CSV holds the id column and the label besides the model's 21 features. */
    private static final Map<String, Object> BATCH_INPUT = Map.of("idColumn", "visit", "ignoreColumns", List.of("label"));

    private static JsonNode invoke(String payload, int status) throws Exception {
        return JSON.readTree(given().contentType(ContentType.JSON).body(payload)
                .when().post("/_lambda_")
                .then().statusCode(status)
                .extract().asString());
    }

    /** The problem inside a failed invocation's Lambda error envelope, after checking its errorType. */
    private static JsonNode problem(JsonNode envelope) throws Exception {
        assertThat(envelope.get("errorType").asText()).isEqualTo(InvalidRecordsError.class.getName());
        return JSON.readTree(envelope.get("errorMessage").asText());
    }

    @Test
    void batchesScoreInItemOrderWithTheirIdsAndMatchRecordScores() throws Exception {
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(120);
        List<String> payloads = DistributedMapBatches.payloads(rows, 50, BATCH_INPUT);
        assertThat(payloads).hasSize(3);
        List<JsonNode> results = new ArrayList<>();
        for (String payload : payloads) {
            JsonNode body = invoke(payload, 200);
            assertThat(body.has("statusCode")).as("a plain body").isFalse();
            assertThat(body.get("model").get("name").asText()).isEqualTo("cardio");
            assertThat(body.get("rows").asInt()).isEqualTo(body.get("results").size());
            int anomalies = 0;
            for (JsonNode r : body.get("results")) {
                results.add(r);
                anomalies += r.get("anomaly").asBoolean() ? 1 : 0;
            }
            assertThat(body.get("anomalies").asInt()).isEqualTo(anomalies);
        }
        assertThat(results).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(rows.stream().map(r -> r.get("visit")).toList());
        // the same rows as JSON numbers through the plain direct path: the same scores, bit for bit
        for (int from = 0; from < rows.size(); from += 50) {
            List<List<Double>> records = rows.subList(from, Math.min(rows.size(), from + 50)).stream()
                    .map(r -> r.entrySet().stream().filter(e -> e.getKey().startsWith("f"))
                            .map(e -> Double.parseDouble(e.getValue())).collect(Collectors.toList()))
                    .toList();
            JsonNode direct = invoke(JSON.writeValueAsString(Map.of("records", records)), 200);
            for (int i = 0; i < records.size(); i++) {
                assertThat(results.get(from + i).get("score").doubleValue())
                        .isEqualTo(direct.get("results").get(i).get("score").doubleValue());
            }
        }
    }

    @Test
    void oneBadRowFailsItsBatchNamingItemIdAndColumnWhileTheOthersSucceed() throws Exception {
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(90);
        rows.get(57).put("f3", "12,5 mm"); // item 7 of the second batch, id v-58
        List<String> payloads = DistributedMapBatches.payloads(rows, 50, BATCH_INPUT);
        assertThat(invoke(payloads.get(0), 200).get("results")).hasSize(50);
        JsonNode envelope = invoke(payloads.get(1), 500);
        JsonNode problem = problem(envelope);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).hasSize(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("record").asInt()).isEqualTo(7);
        assertThat(error.get("id").asText()).isEqualTo("v-58");
        assertThat(error.get("feature").asText()).isEqualTo("f3");
        assertThat(error.get("message").asText()).contains("not a decimal number");
        assertThat(envelope.toString()).doesNotContain("12,5");
        // the same batch without the bad row scores
        rows.get(57).put("f3", "0.5");
        assertThat(invoke(DistributedMapBatches.payloads(rows, 50, BATCH_INPUT).get(1), 200).get("rows").asInt())
                .isEqualTo(40);
    }

    @Test
    void everyColumnMustBeAFeatureTheIdOrIgnored() throws Exception {
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(2);
        JsonNode problem = problem(invoke(DistributedMapBatches.payload(rows, Map.of("idColumn", "visit")), 500));
        assertThat(problem.get("errors")).extracting(e -> e.get("record").asInt() + "/" + e.get("id").asText() + "/"
                + e.get("feature").asText() + "/" + e.get("message").asText())
                .containsExactly("0/v-1/label/unknown feature", "1/v-2/label/unknown feature");
        // without BatchInput the model's id column (none for cardio) applies: visit is unknown too
        problem = problem(invoke(DistributedMapBatches.payload(rows, Map.of()), 500));
        assertThat(problem.get("errors")).hasSize(4);
        assertThat(problem.get("errors").get(0).has("id")).isFalse();
    }

    @Test
    void textThatIsNotADecimalNumberIsRejected() throws Exception {
        for (String bad : new String[] {"NaN", "Infinity", "0x1p3", "1d", "1.5f", "1e999", "--1", "1e", "abc"}) {
            List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(1);
            rows.get(0).put("f0", bad);
            JsonNode problem = problem(invoke(DistributedMapBatches.payload(rows, BATCH_INPUT), 500));
            assertThat(problem.get("errors")).as(bad).hasSize(1);
            assertThat(problem.get("errors").get(0).get("feature").asText()).isEqualTo("f0");
        }
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(1);
        rows.get(0).put("f0", "");
        assertThat(problem(invoke(DistributedMapBatches.payload(rows, BATCH_INPUT), 500)).get("errors").get(0)
                .get("message").asText()).contains("empty").contains("no imputer");
        for (String good : new String[] {" 0.5 ", "+1", "-.5", "5.", "1E-3"}) {
            rows.get(0).put("f0", good);
            assertThat(invoke(DistributedMapBatches.payload(rows, BATCH_INPUT), 200).get("rows").asInt()).as(good)
                    .isEqualTo(1);
        }
    }

    @Test
    void batchInputIsCheckedAndExplainWorks() throws Exception {
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(2);
        Map<String, Object> explain = new LinkedHashMap<>(BATCH_INPUT);
        explain.put("explain", true);
        JsonNode body = invoke(DistributedMapBatches.payload(rows, explain), 200);
        assertThat(body.get("results").get(0).get("contributions")).hasSize(5);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("idColumn", "f3"),
                Map.<String, Object>of("ignoreColumns", List.of("f3")), Map.<String, Object>of("explain", "yes"),
                Map.<String, Object>of("jobId", "x"))) {
            JsonNode problem = problem(invoke(DistributedMapBatches.payload(rows, bad), 500));
            assertThat(problem.get("detail").asText()).as(bad.toString()).contains("BatchInput");
        }
        assertThat(problem(invoke("{\"Items\":[],\"BatchInput\":{}}", 500)).get("detail").asText())
                .contains("send 1 to 50");
        String tooMany = DistributedMapBatches.payload(DistributedMapBatches.cardioVisits(51), BATCH_INPUT);
        assertThat(problem(invoke(tooMany, 500)).get("detail").asText()).contains("51 rows");
    }

    @Test
    void numbersAsTextAndBatchesAreAcceptedOnlyOnTheBatchPath() throws Exception {
        Map<String, String> row = new LinkedHashMap<>(DistributedMapBatches.cardioVisits(1).get(0));
        row.remove("visit");
        row.remove("label");
        // a plain direct payload with numbers as text: rejected as before
        JsonNode problem = problem(invoke(JSON.writeValueAsString(Map.of("records", List.of(row))), 500));
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("expected a number, got a string");
        // over HTTP, a batch body is an unknown field
        String batch = DistributedMapBatches.payload(List.of(row), Map.of());
        given().contentType(ContentType.JSON).body(batch).when().post("/v1/score")
                .then().statusCode(400).body("detail", containsString("unknown field \"BatchInput\""));
        // an API Gateway event cannot set the batch marker: the reader removes it
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"version":"2.0","routeKey":"$default","rawPath":"/v1/score","rawQueryString":"",
                 "headers":{"content-type":"application/json","X-Anomaly-Payload":"distributed-map-batch"},
                 "requestContext":{"http":{"method":"POST","path":"/v1/score","protocol":"HTTP/1.1",
                   "sourceIp":"127.0.0.1","userAgent":"test"},"routeKey":"$default","stage":"$default"},
                 "isBase64Encoded":false}
                """);
        event.put("body", batch);
        given().contentType(ContentType.JSON).body(event.toString()).when().post("/_lambda_")
                .then().statusCode(200)
                .body("statusCode", equalTo(400))
                .body("body", containsString("unknown field"));
    }
}
