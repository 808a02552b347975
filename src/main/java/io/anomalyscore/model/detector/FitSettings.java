package io.anomalyscore.model.detector;

import java.util.List;

/**
 * The settings a fitter may use; a detector ignores those that do not apply to it and rejects
 * values it cannot honour in {@link DetectorKind#check}.
 *
 * @param epochs maximum epochs
 * @param patience epochs without improvement of the stopping loss before stopping
 * @param batchSize mini-batch size
 * @param learningRate optimiser learning rate
 * @param seed random seed for initialisation and shuffling
 * @param hidden hidden layer widths, or empty for the detector's default
 * @param weightDecay the optimiser's L2 weight decay (0 = none, the default)
 * @param keepLast keep the weights of the last epoch run instead of those with the lowest stopping
 *     loss (Keras' {@code EarlyStopping} without {@code restore_best_weights}); false by default
 */
public record FitSettings(int epochs, int patience, int batchSize, double learningRate, long seed,
        List<Integer> hidden, double weightDecay, boolean keepLast) {

    public FitSettings {
        hidden = List.copyOf(hidden);
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and at least 0: " + weightDecay);
        }
    }

    /** Settings that keep the best epoch's weights. */
    public FitSettings(int epochs, int patience, int batchSize, double learningRate, long seed, List<Integer> hidden,
            double weightDecay) {
        this(epochs, patience, batchSize, learningRate, seed, hidden, weightDecay, false);
    }

    /** These settings, keeping the last epoch's weights or not. */
    public FitSettings keepingLast(boolean last) {
        return new FitSettings(epochs, patience, batchSize, learningRate, seed, hidden, weightDecay, last);
    }

    /** Settings without weight decay. */
    public FitSettings(int epochs, int patience, int batchSize, double learningRate, long seed, List<Integer> hidden) {
        this(epochs, patience, batchSize, learningRate, seed, hidden, 0);
    }
}
