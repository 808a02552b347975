package io.anomalyscore.model.detector;

/**
 * Preprocessed rows a fitter sees; never the test split.
 *
 * @param fit rows to fit on (normal rows only in the semi-supervised mode)
 * @param fitLabels labels of {@code fit} for supervised detectors, else {@code null}
 * @param stop rows whose loss may drive early stopping (may be empty)
 * @param stopLabels labels of {@code stop} for supervised detectors, else {@code null}
 * @param input what one row of {@code fit} is: a record, or a window flattened oldest first
 * @param stride steps between the starts of consecutive training windows (1 for records)
 */
public record TrainingSet(float[][] fit, int[] fitLabels, float[][] stop, int[] stopLabels, InputShape input,
        int stride) {

    /** Tabular rows: each input is one record. */
    public TrainingSet(float[][] fit, int[] fitLabels, float[][] stop, int[] stopLabels) {
        this(fit, fitLabels, stop, stopLabels, InputShape.record(fit.length == 0 ? 1 : fit[0].length), 1);
    }

    /** Features per row. */
    public int width() {
        return fit.length == 0 ? 0 : fit[0].length;
    }
}
