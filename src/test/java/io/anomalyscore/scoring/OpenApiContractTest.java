package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml against the real API: every response of these requests (through the mock event
 * server, as API Gateway events) validates against the schema the document gives for its status
 * and content type (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Series responses are checked
 * by every window model's serving test ({@code SeriesServingContract}).
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void conforms(String path, String method, Response response) throws Exception {
        OpenApiDocument.conforms(path, method, response);
    }

    private static com.networknt.schema.JsonSchema schema(String pointer) {
        return OpenApiDocument.schema(pointer);
    }

    private static Response post(String contentType, Object body, String query) {
        return given().contentType(contentType).body(body).when().post("/v1/score" + query).andReturn();
    }

    @Test
    void scoredRecordsMatchTheDocument() throws Exception {
        double[][] rows = CardioRows.first(3);
        Response byPosition = post("application/json", CardioRows.bodyByPosition(rows), "?explain=true");
        assertThat(byPosition.statusCode()).isEqualTo(200);
        conforms("/v1/score", "post", byPosition);
        Response byName = post("application/json", CardioRows.bodyByName(rows), "");
        conforms("/v1/score", "post", byName);
        Response extreme = post("application/json", Map.of("records", new double[][] {filled(rows[0].length, 50)}), "");
        assertThat(extreme.asString()).contains("outsideTraining");
        conforms("/v1/score", "post", extreme);
    }

    @Test
    void theModelSummaryMatchesTheDocument() throws Exception {
        Response model = given().when().get("/v1/model").andReturn();
        assertThat(model.statusCode()).isEqualTo(200);
        conforms("/v1/model", "get", model);
    }

    @Test
    void problemsMatchTheDocument() throws Exception {
        Response invalid = post("application/json", "{\"records\":[[1,2]]}", "");
        assertThat(invalid.statusCode()).isEqualTo(400);
        conforms("/v1/score", "post", invalid);
        Response malformed = post("application/json", "{\"records\":[", "");
        assertThat(malformed.statusCode()).isEqualTo(400);
        conforms("/v1/score", "post", malformed);
        Response tooLarge = post("application/json", "{\"records\":[" + "[0],".repeat(40_000) + "[0]]}", "");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        conforms("/v1/score", "post", tooLarge);
        Response wrongType = post("text/plain", "hello", "");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        conforms("/v1/score", "post", wrongType);
    }

    @Test
    void theCheckCatchesAResponseThatBreaksTheDocument() throws Exception {
        JsonNode broken = JSON.readTree("{\"model\":{\"name\":\"m\",\"version\":\"v\",\"detector\":\"d\"},"
                + "\"threshold\":1,\"results\":[{\"score\":\"high\",\"percentile\":2,\"anomaly\":true,"
                + "\"outOfDistribution\":false}]}");
        assertThat(schema("/components/schemas/ScoreResponse").validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static double[] filled(int n, double value) {
        double[] row = new double[n];
        java.util.Arrays.fill(row, value);
        return row;
    }
}
