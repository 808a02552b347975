package io.anomalyscore.testdetector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The function serves a model of the test-only detector, trained just before start-up. */
@QuarkusTest
@TestProfile(MahalanobisServingTest.Profile.class)
class MahalanobisServingTest {

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
                Path repository = Files.createTempDirectory("mahalanobis-repo-");
                MahalanobisModel.train(repository);
                return Map.of("anomaly.model.uri", repository.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {}
    }

    @Test
    void describesTheModel() {
        given().when().get("/v1/model").then().statusCode(200)
                .body("detector", equalTo("mahalanobis"))
                .body("explains", equalTo(true))
                .body("formatVersion", equalTo(2))
                .body("detectorConfig.ridge", equalTo(1.0e-3f));
    }

    @Test
    void scoresAndExplainsRecords() {
        String zeros = "[" + String.join(",", java.util.Collections.nCopies(21, "0")) + "]";
        String far = "[" + String.join(",", java.util.Collections.nCopies(21, "9")) + "]";
        given().contentType(ContentType.JSON).body("{\"records\": [" + zeros + ", " + far + "]}")
                .when().post("/v1/score?explain=true")
                .then().statusCode(200)
                .body("model.detector", equalTo("mahalanobis"))
                .body("results", hasSize(2))
                .body("results[1].anomaly", equalTo(true))
                .body("results[1].score", greaterThan(1000f))
                .body("results[1].contributions", hasSize(greaterThan(0)));
    }
}
