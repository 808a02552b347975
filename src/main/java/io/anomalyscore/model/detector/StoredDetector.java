package io.anomalyscore.model.detector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A detector as an artifact holds it, already verified: what {@link DetectorKind#load} rebuilds
 * a {@link Detector} from.
 *
 * @param name model name (for native resource names and messages)
 * @param input the input shape the preprocessing produces
 * @param config the detector's JSON configuration
 * @param components component bytes by file name, sha256 already checked
 */
public record StoredDetector(String name, InputShape input, JsonNode config, Map<String, byte[]> components) {

    /** The bytes of component {@code file}; fails if the artifact lacks it. */
    public byte[] component(String file) {
        byte[] bytes = components.get(file);
        if (bytes == null) {
            throw new IllegalArgumentException("the artifact has no component " + file);
        }
        return bytes;
    }
}
