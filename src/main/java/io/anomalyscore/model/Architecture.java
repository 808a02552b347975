package io.anomalyscore.model;

import java.util.List;

/**
 * The shape of a detector network: fully connected layers with ReLU between them.
 *
 * <p>The autoencoder maps {@code inputs -> hidden... -> inputs} with a linear output; the
 * classifier maps {@code inputs -> hidden... -> 1} and its single output is a logit turned into a
 * probability by a sigmoid in {@link Scores}, which is the same function as a sigmoid output layer
 * but lets training use the numerically stable BCE-with-logits loss.
 *
 * @param detector which detector this network belongs to
 * @param inputs number of input features
 * @param hidden widths of the hidden layers, in order
 */
public record Architecture(DetectorType detector, int inputs, List<Integer> hidden) {

    /** The seed's classifier: Dense 100 ReLU, Dense 50 ReLU, Dense 1 sigmoid. */
    public static final List<Integer> CLASSIFIER_HIDDEN = List.of(100, 50);

    public Architecture {
        hidden = List.copyOf(hidden);
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be positive: " + inputs);
        }
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden layers must be positive: " + hidden);
        }
    }

    /** Number of network outputs: the reconstruction width or one logit. */
    public int outputs() {
        return detector == DetectorType.AUTOENCODER ? inputs : 1;
    }

    /**
     * Default autoencoder layers for {@code features} inputs: {@code [64, 32, 64]}, or {@code [128,
     * 64, 128]} above 100 features. Measured on the five ODDS datasets (semi-supervised, validation
     * ROC-AUC): narrower bottlenecks derived from the feature count (n/3, n/4, n/2) were worse on
     * cardio and thyroid, and early stopping keeps the wide bottleneck from learning the identity.
     */
    public static List<Integer> defaultAutoencoderHidden(int features) {
        return features > 100 ? List.of(128, 64, 128) : List.of(64, 32, 64);
    }

    /** The default architecture of {@code detector} for {@code features} inputs. */
    public static Architecture defaults(DetectorType detector, int features) {
        List<Integer> hidden = detector == DetectorType.AUTOENCODER
                ? defaultAutoencoderHidden(features)
                : CLASSIFIER_HIDDEN;
        return new Architecture(detector, features, hidden);
    }
}
