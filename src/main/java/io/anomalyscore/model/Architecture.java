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
     * Default autoencoder layers for {@code features} inputs: {@code [h, b, h]} with a wide layer
     * {@code h = clamp(2n, 8, 128)} and a bottleneck {@code b = clamp(round(n / 3), 2, 32)}.
     */
    public static List<Integer> defaultAutoencoderHidden(int features) {
        int wide = Math.max(8, Math.min(128, 2 * features));
        int bottleneck = Math.max(2, Math.min(32, Math.round(features / 3f)));
        return List.of(wide, bottleneck, wide);
    }

    /** The default architecture of {@code detector} for {@code features} inputs. */
    public static Architecture defaults(DetectorType detector, int features) {
        List<Integer> hidden = detector == DetectorType.AUTOENCODER
                ? defaultAutoencoderHidden(features)
                : CLASSIFIER_HIDDEN;
        return new Architecture(detector, features, hidden);
    }
}
