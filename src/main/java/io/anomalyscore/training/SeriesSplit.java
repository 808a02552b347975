package io.anomalyscore.training;

/**
 * A series split by time, never shuffled: training rows {@code [0, trainEnd)}, validation rows
 * {@code [trainEnd, validationEnd)}, test rows {@code [validationEnd, rows)}. No training window
 * reaches past {@code trainEnd}; a validation or test step is scored by the window ending at it,
 * whose earlier steps may lie in the segment before (the context a stream would have had).
 *
 * @param rows steps in the series
 * @param trainEnd first step after the training segment
 * @param validationEnd first step after the validation segment
 */
public record SeriesSplit(int rows, int trainEnd, int validationEnd) {

    /**
     * The split of {@code rows} steps: training from {@code trainRows} or {@code trainFraction}
     * (default {@code 1 - validation - test}), then {@code validationFraction} of all rows, then the
     * rest as test.
     *
     * @throws TrainingInputException if the training segment cannot hold one window
     */
    static SeriesSplit of(int rows, SeriesOptions s, double validationFraction, double testFraction) {
        int train;
        if (s.trainRows() != null) {
            train = s.trainRows();
        } else {
            double share = s.trainFraction() != null ? s.trainFraction() : 1 - validationFraction - testFraction;
            train = (int) Math.floor(share * rows);
        }
        if (train > rows) {
            throw new TrainingInputException("--train-rows " + train + " exceeds the " + rows + " rows of the series");
        }
        if (train < s.window()) {
            throw new TrainingInputException("the training segment has " + train + " rows, fewer than the window of "
                    + s.window() + " (the series has " + rows + " rows)");
        }
        int validation = Math.min(rows - train, (int) Math.floor(validationFraction * rows));
        return new SeriesSplit(rows, train, train + validation);
    }

    /** Rows in the validation segment. */
    public int validationRows() {
        return validationEnd - trainEnd;
    }

    /** Rows in the test segment. */
    public int testRows() {
        return rows - validationEnd;
    }
}
