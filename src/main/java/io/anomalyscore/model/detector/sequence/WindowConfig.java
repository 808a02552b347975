package io.anomalyscore.model.detector.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.SeriesAlerts;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored configuration of a window detector, its manifest's {@code detectorConfig}: {@code
 * {"window": 64, "stride": 1, "channels": 1, "hidden": [16, 8], "error": "squared", "alert": "window"}}.
 * The channel names are the manifest's {@code features}, in input order. {@code error} and {@code
 * alert} are optional in the JSON (artifacts written before them mean {@code squared} and {@code
 * window}).
 *
 * @param window steps per window; the score of step t is the error of the window ending at t
 * @param stride steps between the starts of consecutive training windows (serving scores every step)
 * @param channels values per step
 * @param hidden the network's widths, as its kind reads them
 * @param error how a window's reconstruction error is measured, one of {@link #ERRORS}: {@code
 *     squared} (mean squared error over steps and channels) or {@code absolute} (mean absolute
 *     error, SKAB's residual up to a constant factor)
 * @param alert how the served {@code anomaly} flags follow from the step scores, one of {@link
 *     SeriesAlerts#RULES}
 */
public record WindowConfig(int window, int stride, int channels, List<Integer> hidden, String error, String alert) {

    /** Longest window accepted. */
    public static final int MAX_WINDOW = 1024;

    /** The reconstruction error measures. */
    public static final List<String> ERRORS = List.of("squared", "absolute");

    /** A configuration with the default error ({@code squared}) and alert rule ({@code window}). */
    public WindowConfig(int window, int stride, int channels, List<Integer> hidden) {
        this(window, stride, channels, hidden, "squared", SeriesAlerts.WINDOW);
    }

    public WindowConfig {
        if (window < 2 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be in [2, " + MAX_WINDOW + "]: " + window);
        }
        if (stride < 1 || stride > window) {
            throw new IllegalArgumentException("stride must be in [1, window]: " + stride);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1: " + channels);
        }
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1 || h > 1024)) {
            throw new IllegalArgumentException("hidden widths must be in [1, 1024]: " + hidden);
        }
        if (!ERRORS.contains(error)) {
            throw new IllegalArgumentException("error must be one of " + ERRORS + ": " + error);
        }
        if (!SeriesAlerts.RULES.contains(alert)) {
            throw new IllegalArgumentException("alert must be one of " + SeriesAlerts.RULES
                    + ": " + alert);
        }
    }

    /** This configuration with another error measure and alert rule. */
    public WindowConfig with(String error, String alert) {
        return new WindowConfig(window, stride, channels, hidden, error, alert);
    }

    /** The JSON form. */
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("window", window);
        node.put("stride", stride);
        node.put("channels", channels);
        hidden.forEach(node.putArray("hidden")::add);
        node.put("error", error);
        node.put("alert", alert);
        return node;
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    public static WindowConfig of(JsonNode config) {
        List<Integer> hidden = new ArrayList<>();
        JsonNode widths = config == null ? null : config.get("hidden");
        if (widths == null || !widths.isArray()) {
            throw new IllegalArgumentException("window detector config needs a 'hidden' list of widths");
        }
        for (JsonNode w : widths) {
            if (!w.isInt()) {
                throw new IllegalArgumentException("hidden widths must be integers: " + widths);
            }
            hidden.add(w.intValue());
        }
        return new WindowConfig(integer(config, "window"), integer(config, "stride"), integer(config, "channels"),
                hidden, text(config, "error", "squared"), text(config, "alert", SeriesAlerts.WINDOW));
    }

    private static String text(JsonNode config, String field, String absent) {
        JsonNode value = config.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("window detector config's '" + field + "' must be text");
        }
        return value.textValue();
    }

    private static int integer(JsonNode config, String field) {
        JsonNode value = config.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException("window detector config needs an integer '" + field + "'");
        }
        return value.intValue();
    }
}
