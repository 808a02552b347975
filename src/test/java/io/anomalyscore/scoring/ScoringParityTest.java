package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.RecordScore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores from the function (HTTP API v2 path) equal {@link AnomalyModel} scores for the same rows. */
@QuarkusTest
class ScoringParityTest {

    @Test
    void functionScoresEqualModelScores() {
        double[][] rows = CardioRows.first(40);
        String body = given().contentType(ContentType.JSON).body(CardioRows.bodyByName(rows))
                .when().post("/v1/score").then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<Double> scores = json.getList("results.score", Double.class);
        List<Double> percentiles = json.getList("results.percentile", Double.class);
        List<Boolean> anomalies = json.getList("results.anomaly", Boolean.class);
        try (AnomalyModel model = AnomalyModel.load(CardioRows.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            RecordScore[] expected = model.score(rows, false);
            for (int i = 0; i < rows.length; i++) {
                assertThat(scores.get(i)).as("score %d", i).isCloseTo(expected[i].score(), within(1e-6));
                assertThat(percentiles.get(i)).as("percentile %d", i).isCloseTo(expected[i].percentile(), within(1e-6));
                assertThat(anomalies.get(i)).as("anomaly %d", i).isEqualTo(expected[i].anomalous());
            }
        }
    }
}
