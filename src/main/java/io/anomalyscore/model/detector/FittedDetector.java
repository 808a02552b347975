package io.anomalyscore.model.detector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What fitting produced, in the form the artifact stores: a JSON configuration and component
 * files (tensors as DJL {@code .params}, data as JSON), never code.
 *
 * @param config detector-specific settings the loader needs (e.g. layer widths), as JSON
 * @param components the files to store
 * @param epochsRun epochs trained (0 for detectors without epochs)
 * @param bestEpoch epoch whose state was kept (0 for detectors without epochs)
 */
public record FittedDetector(JsonNode config, List<Part> components, int epochsRun, int bestEpoch) {

    public FittedDetector {
        components = List.copyOf(components);
    }

    /**
     * One component file.
     *
     * @param file file name inside the artifact
     * @param role {@code parameters} (DJL tensors) or {@code data} (JSON)
     * @param bytes contents
     */
    public record Part(String file, String role, byte[] bytes) {}
}
