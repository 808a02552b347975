package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/openapi.yaml as a checker of real responses: the schema the document declares for a path,
 * method, status and content type (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode spec = read();

    private OpenApiDocument() {}

    private static JsonNode read() {
        try (Reader reader = Files.newBufferedReader(Path.of("docs/openapi.yaml"))) {
            return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema at {@code pointer} of the document, with its {@code $ref}s resolvable. */
    static JsonSchema schema(String pointer) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", spec.get("components"));
        root.put("$ref", "#" + pointer);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    /** Checks {@code response} against what the document declares for {@code path} and {@code method}. */
    public static void conforms(String path, String method, Response response) throws IOException {
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
}
