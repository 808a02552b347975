package io.anomalyscore.sequence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.scoring.OpenApiDocument;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the function does with a window model, for each detector (a subclass names it): the
 * model summary, a series scored over HTTP and by direct invocation with identical results, the
 * injected anomaly found, and every malformed series refused with a problem naming step and
 * channel.
 */
abstract class SeriesServingContract {

    private static final int STEPS = 80;

    /** The detector the subclass serves. */
    abstract String detector();

    /** A profile serving a freshly trained model of {@code detector}. */
    abstract static class Profile implements QuarkusTestProfile {
        abstract String detector();

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TrainedModel.class, Map.of("detector", detector())));
        }
    }

    /** Trains the model before the application starts and configures its URI. */
    public static class TrainedModel implements QuarkusTestResourceLifecycleManager {
        private String detector;

        @Override
        public void init(Map<String, String> args) {
            detector = args.get("detector");
        }

        @Override
        public Map<String, String> start() {
            try {
                Path repository = Files.createTempDirectory("series-repo-");
                SeriesFixture.train(detector, repository);
                return Map.of("anomaly.model.uri", repository.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {}
    }

    private static JsonPath json(String text) {
        return JsonPath.from(text).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String post(String body, int status) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/score")
                .then().statusCode(status).extract().asString();
    }

    @Test
    void describesTheModel() {
        given().when().get("/v1/model").then().statusCode(200)
                .body("detector", equalTo(detector()))
                .body("input", equalTo("window"))
                .body("window", equalTo(SeriesFixture.WINDOW))
                .body("features", equalTo(List.of("value")))
                .body("detectorConfig.channels", equalTo(1))
                .body("detectorConfig.stride", equalTo(2));
    }

    @Test
    void scoresEveryFullWindowAndFindsTheInjection() {
        JsonPath body = json(post(SeriesFixture.body(SeriesFixture.injectedSlice(), false), 200));
        assertThat(body.getString("model.detector")).isEqualTo(detector());
        assertThat(body.getInt("window")).isEqualTo(SeriesFixture.WINDOW);
        List<Integer> indexes = body.getList("results.index", Integer.class);
        assertThat(indexes).hasSize(STEPS - SeriesFixture.WINDOW + 1);
        assertThat(indexes.get(0)).isEqualTo(SeriesFixture.WINDOW - 1);
        double[] scores = body.getList("results.score", Double.class).stream().mapToDouble(Double::doubleValue)
                .toArray();
        assertThat(SeriesFixture.sliceInjectionAuc(scores)).isGreaterThan(0.9);
    }

    @Test
    void explainsByChannel() {
        double[] steps = java.util.Arrays.copyOf(SeriesFixture.injectedSlice(), SeriesFixture.WINDOW + 2);
        JsonPath body = json(post(SeriesFixture.body(steps, true), 200));
        assertThat(body.getList("results")).hasSize(3);
        assertThat(body.getString("results[0].contributions[0].feature")).isEqualTo("value");
        assertThat(body.getDouble("results[0].contributions[0].share")).isEqualTo(1.0);
    }

    @Test
    void directInvocationScoresTheWholeDay() {
        String direct = given().contentType(ContentType.JSON).body(SeriesFixture.body(SeriesFixture.injected(), true))
                .when().post("/_lambda_").then().statusCode(200).extract().asString();
        double[] scores = json(direct).getList("results.score", Double.class).stream()
                .mapToDouble(Double::doubleValue).toArray();
        assertThat(scores).hasSize(288 - SeriesFixture.WINDOW + 1);
        assertThat(SeriesFixture.injectionAuc(scores)).isGreaterThan(0.9);
    }

    @Test
    void directInvocationGivesTheSameResults() {
        String payload = SeriesFixture.body(SeriesFixture.injectedSlice(), false);
        String direct = given().contentType(ContentType.JSON).body(payload).when().post("/_lambda_")
                .then().statusCode(200).extract().asString();
        assertThat(json(direct).getList("results.score")).isEqualTo(json(post(payload, 200)).getList("results.score"));
        assertThat(json(direct).getMap("$")).doesNotContainKeys("statusCode", "body");
    }

    @Test
    void invalidSeriesFailsTheDirectInvocation() throws Exception {
        JsonNode error = new ObjectMapper().readTree(given().contentType(ContentType.JSON)
                .body("{\"series\":[[1],[2],[\"x\"]" + ",[1]".repeat(20) + "]}").when().post("/_lambda_")
                .then().statusCode(500).extract().asString());
        assertThat(error.get("errorType").asText()).endsWith("InvalidRecordsError");
        JsonNode problem = new ObjectMapper().readTree(error.get("errorMessage").asText());
        assertThat(problem.get("errors").get(0).get("record").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("feature").asText()).isEqualTo("value");
    }

    @Test
    void acceptsStepsByChannelName() {
        String rows = "{\"value\": 20.5},".repeat(SeriesFixture.WINDOW);
        JsonPath body = json(post("{\"series\":[" + rows.substring(0, rows.length() - 1) + "]}", 200));
        assertThat(body.getList("results")).hasSize(1);
        assertThat(body.getInt("results[0].index")).isEqualTo(SeriesFixture.WINDOW - 1);
    }

    /** Series answers, the window model's summary and a series problem, against docs/openapi.yaml. */
    @Test
    void responsesMatchTheOpenApiDocument() throws IOException {
        double[] steps = java.util.Arrays.copyOf(SeriesFixture.injectedSlice(), SeriesFixture.WINDOW + 2);
        io.restassured.response.Response scored = given().contentType(ContentType.JSON)
                .body(SeriesFixture.body(steps, true)).when().post("/v1/score").andReturn();
        assertThat(scored.statusCode()).as(scored.asString()).isEqualTo(200);
        OpenApiDocument.conforms("/v1/score", "post", scored);
        io.restassured.response.Response model = given().when().get("/v1/model").andReturn();
        OpenApiDocument.conforms("/v1/model", "get", model);
        io.restassured.response.Response tooShort = given().contentType(ContentType.JSON)
                .body("{\"series\":[[1],[2],[3]]}").when().post("/v1/score").andReturn();
        assertThat(tooShort.statusCode()).isEqualTo(400);
        OpenApiDocument.conforms("/v1/score", "post", tooShort);
    }

    @Test
    void refusesASeriesShorterThanTheWindow() {
        given().contentType(ContentType.JSON).body("{\"series\":[[1],[2],[3]]}").when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://anomalyscore.io/problems/invalid-records"))
                .body("detail", containsString("holds 3 steps; send " + SeriesFixture.WINDOW));
    }

    @Test
    void namesTheStepAndChannelOfEveryBadValue() {
        String good = ",[20.0]".repeat(SeriesFixture.WINDOW);
        given().contentType(ContentType.JSON)
                .body("{\"series\":[[null],[\"5\"],{\"other\":1},[1,2]" + good + "]}").when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(5))
                .body("errors[0].record", equalTo(0)).body("errors[0].feature", equalTo("value"))
                .body("errors[1].record", equalTo(1)).body("errors[1].message", containsString("got a string"))
                .body("errors[2].feature", equalTo("other")).body("errors[3].message", equalTo("missing feature"))
                .body("errors[4].record", equalTo(3)).body("errors[4].message", containsString("holds 2 values"));
    }

    @Test
    void refusesNanTokensAndRecordRequests() {
        given().contentType(ContentType.JSON).body("{\"series\":[[NaN]]}").when().post("/v1/score")
                .then().statusCode(400).body("type", equalTo("https://anomalyscore.io/problems/malformed-json"));
        given().contentType(ContentType.JSON).body("{\"records\":[[1]]}").when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("send {\"series\": [...]}"));
    }
}
