package io.anomalyscore.sequence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A series sent to the default (record) model is a clear 400, and the model says it takes records. */
@QuarkusTest
class SeriesToRecordModelTest {

    @Test
    void refusesASeries() {
        given().contentType(ContentType.JSON).body("{\"series\":[[1],[2]]}").when().post("/v1/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://anomalyscore.io/problems/invalid-records"))
                .body("detail", containsString("this model scores single records"));
    }

    @Test
    void summarySaysRecords() {
        given().when().get("/v1/model").then().statusCode(200).body("input", equalTo("record"))
                .body("window", nullValue());
    }
}
