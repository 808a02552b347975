package io.anomalyscore.model;

/**
 * The one raw-record to model-input function, used by training and serving alike.
 *
 * <p>It also owns the one rule for which raw values it cannot turn into model input ({@link
 * #defect}): request validation reports violations with it, and {@link #transform} refuses the
 * same values, so the two can never disagree.
 *
 * @param standardizer z-score parameters fitted on the training split
 * @param imputer median imputation, or {@code null} when missing values are rejected
 */
public record Preprocessor(Standardizer standardizer, MedianImputer imputer) {

    /** Why a raw value cannot be preprocessed. */
    public enum Defect {
        /** NaN (missing) and the model has no imputer. */
        MISSING("missing value"),
        /** Infinite, or its standardised value does not fit a float (the network's input type). */
        OUT_OF_RANGE("value out of range");

        private final String text;

        Defect(String text) {
            this.text = text;
        }

        /** E.g. {@code value out of range for feature 3}. */
        public String describe(int feature) {
            return text + " for feature " + feature;
        }
    }

    /** Number of features. */
    public int width() {
        return standardizer.width();
    }

    /**
     * Why raw value {@code value} of feature {@code j} cannot be preprocessed, or {@code null} when
     * it can. NaN stands for a missing value.
     */
    public Defect defect(int j, double value) {
        return defectOf(input(j, value));
    }

    /**
     * Standardised float vector for one raw row in feature order.
     *
     * @throws IllegalArgumentException for the first value with a {@link #defect}
     */
    public float[] transform(double[] raw) {
        float[] out = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = input(j, raw[j]);
            Defect defect = defectOf(out[j]);
            if (defect != null) {
                throw new IllegalArgumentException(defect.describe(j));
            }
        }
        return out;
    }

    /**
     * The standardised value of raw value {@code value} of feature {@code j}, in double precision,
     * imputed when missing (if possible); NaN when missing without imputer.
     */
    public double standardized(int j, double value) {
        double filled = imputer == null ? value : imputer.fill(j, value);
        return standardizer.apply(j, filled);
    }

    /** Standardised matrix, one row per raw row. */
    public float[][] transform(double[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = transform(raw[i]);
        }
        return out;
    }

    /** The model input for one raw value: imputed when missing (if possible), standardised, as float. */
    private float input(int j, double value) {
        double filled = imputer == null ? value : imputer.fill(j, value);
        return (float) standardizer.apply(j, filled);
    }

    /**
     * NaN input only comes from a missing value without imputer (medians, means and scales are
     * finite); an infinite one from an infinite value or a float overflow.
     */
    private static Defect defectOf(float input) {
        if (Float.isNaN(input)) {
            return Defect.MISSING;
        }
        return Float.isInfinite(input) ? Defect.OUT_OF_RANGE : null;
    }
}
