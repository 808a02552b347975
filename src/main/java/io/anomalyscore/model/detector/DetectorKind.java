package io.anomalyscore.model.detector;

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
