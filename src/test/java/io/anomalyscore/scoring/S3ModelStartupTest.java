package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The function started against S3 ({@code anomaly.model.uri=s3://models/cardio}, LATEST resolved). */
@QuarkusTest
@TestProfile(S3ModelStartupTest.FromS3.class)
class S3ModelStartupTest {

    /** Its own profile, so S3Mock runs only for this test's application. */
    public static class FromS3 implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(S3ModelResource.class));
        }
    }

    @Test
    void servesTheModelPublishedToS3() {
        given().when().get("/v1/model")
                .then().statusCode(200)
                .body("name", equalTo("cardio"))
                .body("features", hasSize(21));
        given().contentType(ContentType.JSON).body(CardioRows.bodyByName(CardioRows.first(2)))
                .when().post("/v1/score")
                .then().statusCode(200).body("results", hasSize(2));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
