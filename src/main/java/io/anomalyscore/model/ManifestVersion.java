package io.anomalyscore.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The content hash a manifest's {@code version} is defined as, in formats 1 and 2 alike: the first
 * 16 hex digits of the sha256 of the manifest's JSON as written (fields in stored order, indented
 * by Jackson's default printer) with {@code version} and {@code createdAt} set to {@code ""}, and
 * so is each tuning trial's {@code seconds} when {@code provenance.tuning} is present: wall-clock
 * times differ between identical runs, as {@code createdAt} does. The manifest holds every
 * component's sha256, so the version covers every byte of the artifact.
 */
final class ManifestVersion {

    private ManifestVersion() {}

    /** The version {@code manifest} (a parsed manifest object) should carry. */
    static String of(JsonNode manifest, ObjectMapper json) {
        ObjectNode blanked = ((ObjectNode) manifest).deepCopy();
        blanked.put("version", "");
        blanked.put("createdAt", "");
        for (JsonNode trial : blanked.path("provenance").path("tuning").path("trials")) {
            if (trial instanceof ObjectNode t && t.has("seconds")) {
                t.put("seconds", "");
            }
        }
        try {
            return Sha256.of(json.writeValueAsBytes(blanked)).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be serialised", e);
        }
    }

    /**
     * Refuses {@code manifest} when its {@code version} is not its content hash: any edit of the
     * threshold, the preprocessing, a component's checksum or the version itself shows here.
     */
    static void verify(JsonNode manifest, ObjectMapper json) {
        String stored = manifest.path("version").asText("");
        String expected = of(manifest, json);
        if (!stored.equals(expected)) {
            throw new ArtifactFormatException("manifest content does not match its version " + stored
                    + " (content hash " + expected + "): the manifest was edited after it was written");
        }
    }
}
