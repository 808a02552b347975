package io.anomalyscore.model;

/**
 * The score functions: what a network output means as an anomaly score.
 *
 * <p>Computed in double precision in Java from the network's float outputs, so the score of a
 * record does not depend on how many records share its batch.
 */
public final class Scores {

    private Scores() {}

    /** Squared error of each feature between standardised input and reconstruction. */
    public static double[] squaredErrors(float[] input, float[] reconstruction) {
        double[] errors = new double[input.length];
        for (int j = 0; j < input.length; j++) {
            double d = (double) input[j] - reconstruction[j];
            errors[j] = d * d;
        }
        return errors;
    }

    /** Mean of {@code errors}: the autoencoder score. */
    public static double mean(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += e;
        }
        return sum / errors.length;
    }

    /** Probability from a logit: the classifier score. */
    public static double sigmoid(float logit) {
        return 1.0 / (1.0 + Math.exp(-(double) logit));
    }
}
