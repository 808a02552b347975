package io.anomalyscore.model;

/**
 * How far from the training data each feature may lie before a scored record is flagged as out of
 * distribution, in the model's own z-score units ({@code (x - mean) / scale}, see {@link
 * Standardizer}).
 *
 * <p>Training sets each feature's bound to {@link #MARGIN} times the largest |z| of that feature in
 * the training split, and at least {@link #MIN_BOUND}, so every training row lies well inside.
 * Artifacts written before this field existed get {@link #LEGACY_BOUND} for every feature.
 *
 * @param zBound per-feature bound on |z|, in feature order
 */
public record TrainingRange(double[] zBound) {

    /** Bound as a multiple of the largest |z| seen in training. */
    public static final double MARGIN = 1.5;
    /** No bound is tighter than this many standard deviations. */
    public static final double MIN_BOUND = 4.0;
    /** The bound, in standard deviations, for artifacts that store none. */
    public static final double LEGACY_BOUND = 100.0;

    public TrainingRange {
        zBound = zBound.clone();
        for (double b : zBound) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("trainingRange bounds must be positive and finite: " + b);
            }
        }
    }

    /** The bounds that {@code standardized} training rows (model input) imply. */
    public static TrainingRange fit(float[][] standardized, int width) {
        double[] bound = new double[width];
        for (int j = 0; j < width; j++) {
            double largest = 0;
            for (float[] row : standardized) {
                largest = Math.max(largest, Math.abs(row[j]));
            }
            bound[j] = Math.max(MIN_BOUND, MARGIN * largest);
        }
        return new TrainingRange(bound);
    }

    /** The bounds of an artifact that stores none. */
    public static TrainingRange legacy(int width) {
        double[] bound = new double[width];
        java.util.Arrays.fill(bound, LEGACY_BOUND);
        return new TrainingRange(bound);
    }

    /** Number of features. */
    public int width() {
        return zBound.length;
    }
}
