package io.anomalyscore.training;

/**
 * A time series read from a CSV: the rows in file order, each a step, and the time of each step.
 *
 * @param table the channel values (as {@link TabularData#features()} in order) and labels
 * @param timeColumn the timestamp column, or {@code null} when the series has none
 * @param times seconds since the epoch per step (strictly increasing), or {@code null}
 */
public record SeriesData(TabularData table, String timeColumn, double[] times) {

    /** Steps in the series. */
    public int size() {
        return table.size();
    }
}
