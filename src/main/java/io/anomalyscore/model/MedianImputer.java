package io.anomalyscore.model;

import java.util.Arrays;

/**
 * Replaces missing values (NaN) with the per-feature median of the training rows.
 *
 * @param medians median of each feature over the non-missing training values
 */
public record MedianImputer(double[] medians) {

    public MedianImputer {
        medians = medians.clone();
    }

    /** Fits medians column by column, ignoring NaN; a column with no value at all gets 0. */
    public static MedianImputer fit(double[][] rows, int width) {
        double[] medians = new double[width];
        double[] column = new double[rows.length];
        for (int j = 0; j < width; j++) {
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    column[n++] = row[j];
                }
            }
            medians[j] = median(Arrays.copyOf(column, n));
        }
        return new MedianImputer(medians);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** Copy of {@code row} with every NaN replaced by its feature's median. */
    public double[] fill(double[] row) {
        double[] filled = new double[row.length];
        for (int j = 0; j < filled.length; j++) {
            filled[j] = fill(j, row[j]);
        }
        return filled;
    }

    /** {@code value}, or feature {@code j}'s median when it is NaN. */
    public double fill(int j, double value) {
        return Double.isNaN(value) ? medians[j] : value;
    }
}
