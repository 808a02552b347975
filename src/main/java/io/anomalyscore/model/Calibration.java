package io.anomalyscore.model;

import java.util.Arrays;

/**
 * Where a score falls in the training score distribution, and the anomaly threshold.
 *
 * @param threshold scores at or above it are anomalous
 * @param method how the threshold was chosen: {@code f1-validation} or {@code contamination-quantile}
 * @param contamination expected anomaly share used for the quantile threshold, or {@code null}
 * @param quantiles training-score quantiles at {@code p = i / (n - 1)}, ascending (1,001 of them)
 */
public record Calibration(double threshold, String method, Double contamination, double[] quantiles) {

    /** Number of quantiles stored: every 0.1 % of the distribution. */
    public static final int QUANTILES = 1001;

    public Calibration {
        if (quantiles == null || quantiles.length < 2) {
            throw new IllegalArgumentException("calibration needs at least two quantiles");
        }
        quantiles = quantiles.clone();
        for (int i = 1; i < quantiles.length; i++) {
            if (!(quantiles[i] >= quantiles[i - 1])) {
                throw new IllegalArgumentException("calibration quantiles must ascend");
            }
        }
    }

    /** The {@link #QUANTILES} evenly spaced quantiles of {@code scores} (linear interpolation). */
    public static double[] quantilesOf(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = quantile(sorted, i / (double) (QUANTILES - 1));
        }
        return q;
    }

    /** The {@code p}-quantile of ascending {@code sorted}, interpolating linearly between ranks. */
    public static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Share of the training distribution at or below {@code score}, in [0, 1], interpolated
     * linearly between stored quantiles.
     */
    public double percentile(double score) {
        int last = quantiles.length - 1;
        if (Double.isNaN(score) || score < quantiles[0]) {
            return Double.isNaN(score) ? 1.0 : 0.0;
        }
        if (score >= quantiles[last]) {
            return 1.0;
        }
        int i = upperIndex(score);
        double lo = quantiles[i - 1];
        double hi = quantiles[i];
        double within = hi > lo ? (score - lo) / (hi - lo) : 1.0;
        return (i - 1 + within) / last;
    }

    /** First index whose quantile is strictly above {@code score} (exists: score < max). */
    private int upperIndex(double score) {
        int lo = 0;
        int hi = quantiles.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (quantiles[mid] > score) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Whether {@code score} is anomalous. */
    public boolean anomalous(double score) {
        return score >= threshold;
    }
}
