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
 */
public record FitSettings(int epochs, int patience, int batchSize, double learningRate, long seed,
        List<Integer> hidden) {

    public FitSettings {
        hidden = List.copyOf(hidden);
    }
}
