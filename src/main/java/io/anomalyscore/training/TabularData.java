package io.anomalyscore.training;

import java.util.List;

/**
 * Rows read from a CSV: feature values in feature order (NaN = empty cell) and optional labels.
 *
 * @param source path or URI the data came from
 * @param sha256 sha256 of the file's bytes
 * @param features feature column names, in order
 * @param rows feature values, one array per data row
 * @param labels 0/1 label per row, or {@code null} without a label column
 */
public record TabularData(String source, String sha256, List<String> features, double[][] rows, int[] labels) {

    /** Number of data rows. */
    public int size() {
        return rows.length;
    }

    /** Whether a label column was read. */
    public boolean labelled() {
        return labels != null;
    }
}
