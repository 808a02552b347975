package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.anomalyscore.model.AnomalyModel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The happy paths of API v1 through the mock event server, i.e. as API Gateway v2 events. */
@QuarkusTest
class ScoreResourceTest {

    private static final double[][] ROWS = CardioRows.first(5);

    @Inject
    AnomalyModel model;

    private static JsonPath score(Object body, String query) {
        String json = given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/score" + query)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        return JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void scoresRecordKeyedByName() {
        given().contentType(ContentType.JSON).body(CardioRows.bodyByName(ROWS[0]))
                .when().post("/v1/score")
                .then().statusCode(200)
                .body("model.name", equalTo("cardio"))
                .body("model.detector", equalTo("autoencoder"))
                .body("model.version", notNullValue())
                .body("threshold", notNullValue())
                .body("results", hasSize(1))
                .body("results[0].score", notNullValue())
                .body("results[0].percentile", notNullValue())
                .body("results[0].anomaly", notNullValue())
                .body("results[0].contributions", nullValue());
    }

    @Test
    void arrayRecordsScoreLikeNamedRecords() {
        JsonPath byName = score(CardioRows.bodyByName(ROWS), "");
        JsonPath byPosition = score(CardioRows.bodyByPosition(ROWS), "");
        assertThat(byPosition.getList("results.score", Double.class))
                .isEqualTo(byName.getList("results.score", Double.class));
    }

    @Test
    void batchKeepsRequestOrderAndEqualsSingleRecords() {
        double[][] reversed = {ROWS[4], ROWS[3], ROWS[2], ROWS[1], ROWS[0]};
        List<Double> batch = score(CardioRows.bodyByName(reversed), "").getList("results.score", Double.class);
        for (int i = 0; i < reversed.length; i++) {
            double single = score(CardioRows.bodyByName(reversed[i]), "").getDouble("results[0].score");
            // bit for bit: each record goes through the network on its own, whatever shares its batch
            assertThat(batch.get(i)).isEqualTo(single);
        }
        assertThat(batch).doesNotHaveDuplicates();
    }

    @Test
    void explainInBodyReturnsTopContributions() {
        Map<String, Object> body = Map.of("records", List.of(CardioRows.byName(ROWS[0])), "explain", true);
        JsonPath json = score(body, "");
        List<Map<String, Object>> contributions = json.getList("results[0].contributions");
        assertThat(contributions).hasSize(5);
        List<Double> shares = json.getList("results[0].contributions.share", Double.class);
        assertThat(shares).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(shares.stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.0, 1.0 + 1e-6);
        assertThat(json.getList("results[0].contributions.feature", String.class)).allMatch(f -> f.matches("f\\d+"));
    }

    @Test
    void explainQueryParameterWorksToo() {
        JsonPath json = score(CardioRows.bodyByPosition(ROWS[1], ROWS[2]), "?explain=true");
        assertThat(json.getList("results[1].contributions")).hasSize(5);
        assertThat(score(CardioRows.bodyByPosition(ROWS[1]), "?explain=false").getList("results[0].contributions"))
                .isNull();
    }

    /**
     * Each returned share is that feature's squared reconstruction error over the sum of all 21,
     * the top five by share: recomputed here from the model's own per-feature errors for the record.
     */
    @Test
    void contributionSharesAreFeatureErrorsOverTheirSum() {
        double[] errors = model.score(new double[][] {ROWS[3]}, true)[0].featureErrors();
        double sum = Arrays.stream(errors).sum();
        Integer[] byShare = IntStream.range(0, errors.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> errors[j]).reversed()).toArray(Integer[]::new);

        JsonPath json = score(Map.of("records", List.of(CardioRows.byName(ROWS[3])), "explain", true), "");
        List<String> features = json.getList("results[0].contributions.feature", String.class);
        List<Double> shares = json.getList("results[0].contributions.share", Double.class);
        assertThat(features).hasSize(5);
        for (int k = 0; k < 5; k++) {
            int j = byShare[k];
            assertThat(features.get(k)).isEqualTo("f" + j);
            assertThat(shares.get(k)).as("f" + j).isCloseTo(errors[j] / sum, within(1e-15));
        }
        assertThat(json.getDouble("results[0].score")).isCloseTo(sum / errors.length, within(1e-15));
        assertThat(shares.get(0)).as("the top share is not a trivial one").isGreaterThan(1.0 / 21);
    }

    @Test
    void modelSummary() {
        given().when().get("/v1/model")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("name", equalTo("cardio"))
                .body("detector", equalTo("autoencoder"))
                .body("features", hasSize(21))
                .body("features[0]", equalTo("f0"))
                .body("detectorConfig.hidden", contains(64, 32, 64))
                .body("explains", equalTo(true))
                .body("formatVersion", equalTo(2))
                .body("calibration.method", equalTo("f1-validation"))
                .body("evaluation.validation.rocAuc", notNullValue())
                .body("created", notNullValue())
                .body("threshold", notNullValue());
    }

    @Test
    void readyOnceTheModelIsLoaded() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'model' }.status", equalTo("UP"));
    }

    @Test
    void thresholdMatchesModelSummary() {
        double threshold = JsonPath.from(given().get("/v1/model").asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getDouble("threshold");
        assertThat(score(CardioRows.bodyByName(ROWS[0]), "").getDouble("threshold")).isCloseTo(threshold, within(1e-12));
    }
}
