package io.anomalyscore.tuning;

import io.anomalyscore.model.detector.autoencoder.AutoencoderKind;
import io.anomalyscore.model.detector.classifier.ClassifierKind;
import io.anomalyscore.model.detector.isolation.DeepIsolationForestKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Each tunable detector's own search space. */
public final class SearchSpaces {

    static final List<Integer> BATCH_SIZES = List.of(32, 64, 128, 256);
    static final List<Double> WEIGHT_DECAYS = List.of(0.0, 1e-6, 1e-5, 1e-4, 1e-3);
    static final List<Integer> PATIENCES = List.of(10, 15, 25);
    static final double MIN_LEARNING_RATE = 1e-4;
    static final double MAX_LEARNING_RATE = 1e-2;
    /** Window lengths tried for window detectors (those longer than the data allows are dropped). */
    static final List<Integer> WINDOWS = List.of(16, 32, 64, 128);

    private SearchSpaces() {}

    /**
     * The space of {@code detector} over {@code features} inputs, with epochs up to {@code
     * maxEpochs}; for window detectors, windows up to {@code maxWindow} steps.
     *
     * @throws IllegalArgumentException when the detector is not tunable, saying why
     */
    public static SearchSpace of(String detector, boolean windowed, int features, int maxEpochs, int maxWindow) {
        List<Integer> epochs = epochs(maxEpochs);
        if (detector.equals(AutoencoderKind.NAME)) {
            return new SearchSpace(autoencoderWidths(features), MIN_LEARNING_RATE, MAX_LEARNING_RATE, BATCH_SIZES,
                    WEIGHT_DECAYS, epochs, PATIENCES, List.of());
        }
        if (detector.equals(ClassifierKind.NAME)) {
            return new SearchSpace(classifierWidths(), MIN_LEARNING_RATE, MAX_LEARNING_RATE, BATCH_SIZES,
                    WEIGHT_DECAYS, epochs, PATIENCES, List.of());
        }
        if (windowed) {
            List<Integer> windows = WINDOWS.stream().filter(w -> w <= maxWindow).toList();
            if (windows.isEmpty()) {
                throw new IllegalArgumentException("--tune: the training segment is too short for the shortest window "
                        + "tried (" + WINDOWS.get(0) + " steps)");
            }
            return new SearchSpace(windowWidths(), MIN_LEARNING_RATE, MAX_LEARNING_RATE, BATCH_SIZES, WEIGHT_DECAYS,
                    epochs, PATIENCES, windows);
        }
        if (detector.equals(DeepIsolationForestKind.NAME)) {
            throw new IllegalArgumentException("--tune does not apply to " + detector + ": it trains no network (no "
                    + "learning rate, batch or epochs), and without labels it has no validation criterion to rank "
                    + "forests by; train it with its defaults");
        }
        throw new IllegalArgumentException("--tune has no search space for " + detector);
    }

    /** Symmetric autoencoders, 1 to 3 levels deep, halving toward the code: [w], [w, w/2, w], ... */
    static List<List<Integer>> autoencoderWidths(int features) {
        List<Integer> outer = features > 100 ? List.of(64, 128, 256) : List.of(32, 64, 128);
        List<List<Integer>> all = new ArrayList<>();
        for (int w : outer) {
            for (int depth = 1; depth <= 3; depth++) {
                List<Integer> encoder = new ArrayList<>();
                for (int level = 0; level < depth; level++) {
                    encoder.add(Math.max(2, w >> level));
                }
                List<Integer> widths = new ArrayList<>(encoder);
                for (int level = depth - 2; level >= 0; level--) {
                    widths.add(encoder.get(level));
                }
                all.add(widths);
            }
        }
        return all;
    }

    /** Classifier towers 1 to 3 layers deep, halving: [w], [w, w/2], [w, w/2, w/4]. */
    static List<List<Integer>> classifierWidths() {
        List<List<Integer>> all = new ArrayList<>();
        for (int w : List.of(32, 64, 100, 128, 256)) {
            for (int depth = 1; depth <= 3; depth++) {
                List<Integer> widths = new ArrayList<>();
                for (int level = 0; level < depth; level++) {
                    widths.add(Math.max(2, w >> level));
                }
                all.add(widths);
            }
        }
        return all;
    }

    /** Window autoencoders' [layer, code] widths, the code no wider than the layer. */
    static List<List<Integer>> windowWidths() {
        List<List<Integer>> all = new ArrayList<>();
        for (int layer : List.of(16, 32, 64)) {
            for (int code : List.of(4, 8, 16)) {
                if (code <= layer) {
                    all.add(List.of(layer, code));
                }
            }
        }
        return all;
    }

    /** A quarter, half and all of {@code maxEpochs}, each at least 1. */
    static List<Integer> epochs(int maxEpochs) {
        Set<Integer> e = new LinkedHashSet<>();
        e.add(Math.max(1, maxEpochs / 4));
        e.add(Math.max(1, maxEpochs / 2));
        e.add(maxEpochs);
        return List.copyOf(e);
    }

    /**
     * Fails early, before any data is read, for a detector no space exists for.
     *
     * @throws IllegalArgumentException saying why
     */
    public static void checkTunable(String detector, boolean windowed) {
        of(detector, windowed, 1, 1, Integer.MAX_VALUE);
    }
}
