package io.anomalyscore.model.detector.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stored configuration of a deep isolation forest.
 *
 * @param representations random representations (0 = a plain isolation forest on the features)
 * @param units output units of each representation
 * @param treesPerRepresentation isolation trees grown on each representation
 * @param featureTrees isolation trees grown on the preprocessed features themselves
 * @param samples rows each tree was grown on; normalises the path length
 */
public record ForestConfig(int representations, int units, int treesPerRepresentation, int featureTrees,
        int samples) {

    public ForestConfig {
        if (representations < 0 || representations > 1000 || units < 1 || units > 4096
                || treesPerRepresentation < 0 || featureTrees < 0 || samples < 2
                || (representations == 0 ? featureTrees : representations * treesPerRepresentation) < 1) {
            throw new IllegalArgumentException("invalid deep isolation forest configuration: representations "
                    + representations + ", units " + units + ", trees " + treesPerRepresentation + "/"
                    + featureTrees + ", samples " + samples);
        }
    }

    /** Width of the stacked representation layer's output. */
    public int stackedUnits() {
        return representations * units;
    }

    /** Trees in the whole forest. */
    public int trees() {
        return representations * treesPerRepresentation + featureTrees;
    }

    /** This configuration with {@code samples} rows per tree. */
    public ForestConfig withSamples(int samples) {
        return new ForestConfig(representations, units, treesPerRepresentation, featureTrees, samples);
    }

    /** The JSON form. */
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("representations", representations).put("units", units)
                .put("treesPerRepresentation", treesPerRepresentation).put("featureTrees", featureTrees)
                .put("samples", samples);
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException naming a missing or non-integer field
     */
    public static ForestConfig of(JsonNode config) {
        return new ForestConfig(field(config, "representations"), field(config, "units"),
                field(config, "treesPerRepresentation"), field(config, "featureTrees"), field(config, "samples"));
    }

    private static int field(JsonNode config, String name) {
        JsonNode value = config == null ? null : config.get(name);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("deep isolation forest config needs an integer '" + name + "'");
        }
        return value.intValue();
    }
}
