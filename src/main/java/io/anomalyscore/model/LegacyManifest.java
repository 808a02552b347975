package io.anomalyscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads format 1 manifests (written before detectors had components) as format 2, in memory:
 * {@code architecture: [..]} becomes {@code detectorConfig: {"hidden": [..]}}, the {@code files}
 * map becomes {@code components} with the role {@code parameters}, evaluations gain an empty
 * {@code test} split and provenance {@code testRows: 0} and an empty {@code machine}. The file itself is never rewritten, so
 * its version still verifies against its original bytes.
 */
final class LegacyManifest {

    private LegacyManifest() {}

    /** The format 2 form of format 1 {@code v1} (a copy; {@code v1} is not changed). */
    static ObjectNode upgrade(JsonNode v1) {
        ObjectNode m = ((ObjectNode) v1).deepCopy();
        JsonNode architecture = m.remove("architecture");
        ObjectNode config = m.objectNode();
        if (architecture != null) {
            config.set("hidden", architecture);
        }
        m.set("detectorConfig", config);
        JsonNode files = m.remove("files");
        ArrayNode components = m.putArray("components");
        if (files != null && files.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> file = it.next();
                components.addObject().put("file", file.getKey()).put("role", "parameters")
                        .set("sha256", file.getValue());
            }
        }
        if (m.get("evaluation") instanceof ObjectNode evaluation) {
            evaluation.putNull("test");
        }
        if (m.get("provenance") instanceof ObjectNode provenance) {
            provenance.put("testRows", 0);
            provenance.putObject("machine");
        }
        return m;
    }
}
