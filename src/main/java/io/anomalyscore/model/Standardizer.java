package io.anomalyscore.model;

/**
 * Z-score standardisation fitted on training rows: {@code (x - mean) / scale}.
 *
 * <p>A column whose standard deviation is (almost) zero gets {@code scale = 1}, so a constant
 * feature maps to 0 in training and to its plain offset at serving time instead of to infinity.
 *
 * @param mean per-feature mean of the training rows
 * @param scale per-feature population standard deviation, or 1 for constant columns
 */
public record Standardizer(double[] mean, double[] scale) {

    /** Standard deviations below this are treated as a constant column. */
    static final double MIN_SCALE = 1e-12;

    public Standardizer {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale differ in length");
        }
        mean = mean.clone();
        scale = scale.clone();
        for (double s : scale) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("scale must be positive and finite: " + s);
            }
        }
    }

    /** Fits mean and scale column by column; rows must be complete (no NaN). */
    public static Standardizer fit(double[][] rows, int width) {
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double m = sum / rows.length;
            double squares = 0;
            for (double[] row : rows) {
                double d = row[j] - m;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / rows.length);
            mean[j] = m;
            scale[j] = sd < MIN_SCALE || !Double.isFinite(sd) ? 1.0 : sd;
        }
        return new Standardizer(mean, scale);
    }

    /** Number of features. */
    public int width() {
        return mean.length;
    }

    /** Standardised value of feature {@code j}. */
    public double apply(int j, double value) {
        return (value - mean[j]) / scale[j];
    }
}
