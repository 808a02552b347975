package io.anomalyscore.model;

/**
 * The one raw-record to model-input function, used by training and serving alike.
 *
 * @param standardizer z-score parameters fitted on the training split
 * @param imputer median imputation, or {@code null} when missing values are rejected
 */
public record Preprocessor(Standardizer standardizer, MedianImputer imputer) {

    /** Number of features. */
    public int width() {
        return standardizer.width();
    }

    /**
     * Standardised float vector for one raw row in feature order.
     *
     * @throws IllegalArgumentException if the row has a missing value and there is no imputer
     */
    public float[] transform(double[] raw) {
        double[] row = imputer == null ? raw : imputer.fill(raw);
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            if (Double.isNaN(row[j])) {
                throw new IllegalArgumentException("missing value for feature " + j);
            }
            out[j] = (float) standardizer.apply(j, row[j]);
            if (!Float.isFinite(out[j])) {
                throw new IllegalArgumentException("value out of range for feature " + j);
            }
        }
        return out;
    }

    /** Standardised matrix, one row per raw row. */
    public float[][] transform(double[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = transform(raw[i]);
        }
        return out;
    }
}
