package io.anomalyscore.model.detector.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored configuration of an MLP detector: {@code {"hidden": [64, 32, 64]}}.
 *
 * @param hidden hidden layer widths, in order
 */
public record MlpConfig(List<Integer> hidden) {

    public MlpConfig {
        hidden = MlpBlockFactory.checkHidden(hidden);
    }

    /** The JSON form. */
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        hidden.forEach(node.putArray("hidden")::add);
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException if {@code hidden} is missing or not a list of widths
     */
    public static MlpConfig of(JsonNode config) {
        JsonNode hidden = config == null ? null : config.get("hidden");
        if (hidden == null || !hidden.isArray()) {
            throw new IllegalArgumentException("detector config needs a 'hidden' list of layer widths");
        }
        List<Integer> widths = new ArrayList<>();
        for (JsonNode width : hidden) {
            if (!width.isInt()) {
                throw new IllegalArgumentException("hidden layer widths must be integers: " + hidden);
            }
            widths.add(width.intValue());
        }
        return new MlpConfig(widths);
    }
}
