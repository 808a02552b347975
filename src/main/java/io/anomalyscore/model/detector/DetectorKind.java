package io.anomalyscore.model.detector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One kind of detector as the registry knows it: its name in manifests and on the command line,
 * how to fit it and how to load it. Implementations are listed in {@code
 * META-INF/services/io.anomalyscore.model.detector.DetectorKind} and found by {@link
 * DetectorRegistry}, so adding a detector edits no other class.
 */
public interface DetectorKind {

    /** Name in manifests and for {@code --detector}: lower case letters, digits and '-'. */
    String name();

    /** One line for the command's help. */
    String description();

    /** Whether it learns from labels (and so needs {@code --label}). */
    boolean supervised();

    /** Whether it scores single records or windows of a time series. */
    default InputShape.Kind inputKind() {
        return InputShape.Kind.RECORD;
    }

    /**
     * The shape of one input of a stored detector over {@code features} preprocessed columns: one
     * record by default; a window detector reads its length from its configuration.
     *
     * @throws IllegalArgumentException if the configuration does not say
     */
    default InputShape input(JsonNode config, int features) {
        return InputShape.record(features);
    }

    /**
     * Rejects settings this detector cannot honour.
     *
     * @throws IllegalArgumentException naming the setting
     */
    default void check(FitSettings settings) {}

    /** Settings of this kind worth recording in provenance beside the common ones (e.g. its loss). */
    default Map<String, String> hyperParameters(FitSettings settings) {
        return Map.of();
    }

    /** The fitter. */
    DetectorFitter fitter();

    /**
     * Rebuilds a trained detector from its stored form.
     *
     * @throws IllegalArgumentException if the configuration or a component does not fit
     */
    Detector load(StoredDetector stored);
}
