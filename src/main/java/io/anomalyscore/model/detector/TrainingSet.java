package io.anomalyscore.model.detector;

/**
 * Preprocessed rows a fitter sees; never the test split.
 *
 * @param fit rows to fit on (normal rows only in the semi-supervised mode)
 * @param fitLabels labels of {@code fit} for supervised detectors, else {@code null}
 * @param stop rows whose loss may drive early stopping (may be empty)
 * @param stopLabels labels of {@code stop} for supervised detectors, else {@code null}
 */
public record TrainingSet(float[][] fit, int[] fitLabels, float[][] stop, int[] stopLabels) {

    /** Features per row. */
    public int width() {
        return fit.length == 0 ? 0 : fit[0].length;
    }
}
