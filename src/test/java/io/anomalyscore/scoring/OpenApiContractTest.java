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
 * and content type (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Series responses are not
 * checked here (this profile serves a record model).
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode spec;

    @BeforeAll
    static void readSpec() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("docs/openapi.yaml"))) {
            spec = JSON.valueToTree(new Yaml().load(reader));
        }
    }

    /** The schema at {@code pointer} of the document, with its {@code $ref}s resolvable. */
    private static JsonSchema schema(String pointer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", spec.get("components"));
        root.put("$ref", "#" + pointer);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    /** Checks {@code response} against what the document declares for {@code path} and {@code method}. */
    private static void conforms(String path, String method, Response response) throws Exception {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = spec.at("/paths/" + path.replace("/", "~1") + "/" + method + "/responses/" + status);
        assertThat(declared.isMissingNode()).as(method + " " + path + " declares status " + status).isFalse();
        String pointer;
        if (declared.has("$ref")) {
            String name = declared.get("$ref").asText().substring("#/components/responses/".length());
            declared = spec.at("/components/responses/" + name);
        }
        String type = response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content").path(type);
        assertThat(content.isMissingNode()).as(status + " declares " + type).isFalse();
        pointer = "/paths/" + path.replace("/", "~1") + "/" + method + "/responses/" + status + "/content/"
                + type.replace("/", "~1") + "/schema";
        JsonSchema schema = declared == spec.at("/paths/" + path.replace("/", "~1") + "/" + method + "/responses/"
                + status) ? schemaAtPath(pointer) : schema(content.get("schema").get("$ref").asText().substring(1));
        JsonNode body = JSON.readTree(response.asString());
        assertThat(schema.validate(body)).as(response.asString()).isEmpty();
    }

    private static JsonSchema schemaAtPath(String pointer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", spec.get("components"));
        root.set("paths", spec.get("paths"));
        root.put("$ref", "#" + pointer);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
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
