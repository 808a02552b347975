package io.anomalyscore.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test support: recomputes an edited manifest's {@code version} as a careful forger would, so a
 * test can reach the checks behind the content hash.
 */
public final class ManifestSealer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestSealer() {}

    /** Sets {@code manifest}'s version to its content hash and returns it. */
    public static ObjectNode reseal(ObjectNode manifest) {
        manifest.put("version", ManifestVersion.of(manifest, JSON));
        return manifest;
    }
}
