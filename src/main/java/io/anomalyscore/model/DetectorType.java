package io.anomalyscore.model;

import java.util.Locale;

/** The two detectors the project trains and serves. */
public enum DetectorType {
    /** Unsupervised MLP autoencoder; score = mean squared reconstruction error. */
    AUTOENCODER,
    /** Supervised MLP classifier; score = probability of anomaly. */
    CLASSIFIER;

    /** Lower-case name as written in manifests and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}, case-insensitively. */
    public static DetectorType of(String id) {
        for (DetectorType type : values()) {
            if (type.id().equalsIgnoreCase(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown detector: " + id + " (expected autoencoder or classifier)");
    }
}
