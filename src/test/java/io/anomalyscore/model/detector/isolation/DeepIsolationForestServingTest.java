package io.anomalyscore.model.detector.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function serves a deep isolation forest trained without labels just before start-up, over
 * HTTP ({@code POST /v1/score}) and by direct Lambda invocation, with the same scores.
 */
@QuarkusTest
@TestProfile(DeepIsolationForestServingTest.Profile.class)
class DeepIsolationForestServingTest {

    /** A cardio row of the bundled data (its first, a normal one). */
    private static final String ROW = "[0.0049,0.6932,-0.2036,0.5953,0.3532,-0.0614,-0.2783,-1.6504,0.7591,-0.4205,"
            + "0.3721,1.4860,-0.7984,1.8547,0.6226,0.9631,0.3015,0.1931,0.2315,-0.2898,-0.4933]";
    private static final String FAR = "[" + String.join(",", Collections.nCopies(21, "9")) + "]";

    /** Its own application, pointed at the freshly trained repository. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TrainedModel.class));
        }
    }

    /** Trains the model before the application starts and configures its URI. */
    public static class TrainedModel implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                Path repository = Files.createTempDirectory("forest-repo-");
                ForestModels.train(repository, 42);
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

    @Test
    void describesTheModelWithoutAttributions() {
        given().when().get("/v1/model").then().statusCode(200)
                .body("detector", equalTo(DeepIsolationForestKind.NAME))
                .body("explains", equalTo(false))
                .body("formatVersion", equalTo(2))
                .body("detectorConfig.representations", equalTo(DeepIsolationForestKind.DEFAULTS.representations()));
    }

    @Test
    void scoresAFarRecordAsAnAnomalyOverHttp() {
        String body = given().contentType(ContentType.JSON).body("{\"records\": [" + ROW + ", " + FAR + "]}")
                .when().post("/v1/score?explain=true")
                .then().statusCode(200)
                .body("model.detector", equalTo(DeepIsolationForestKind.NAME))
                .body("results", hasSize(2))
                .body("results[0].anomaly", equalTo(false))
                .body("results[1].anomaly", equalTo(true))
                .body("results[1].contributions", nullValue())
                .extract().asString();
        assertThat(json(body).getDouble("results[1].score")).isGreaterThan(json(body).getDouble("results[0].score"));
    }

    @Test
    void directInvocationGivesTheHttpScores() {
        String payload = "{\"records\":[" + ROW + "," + FAR + "]}";
        JsonPath direct = json(given().contentType(ContentType.JSON).body(payload)
                .when().post("/_lambda_").then().statusCode(200).extract().asString());
        JsonPath http = json(given().contentType(ContentType.JSON).body(payload)
                .when().post("/v1/score").then().statusCode(200).extract().asString());
        assertThat(direct.getString("model.detector")).isEqualTo(DeepIsolationForestKind.NAME);
        assertThat(direct.getList("results")).hasSize(2);
        assertThat(direct.getDouble("results[0].score")).isEqualTo(http.getDouble("results[0].score"));
        assertThat(direct.getDouble("results[1].score")).isEqualTo(http.getDouble("results[1].score"));
        assertThat(direct.getBoolean("results[1].anomaly")).isTrue();
    }
}
