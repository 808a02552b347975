package io.anomalyscore.bench.sequences;

import io.anomalyscore.model.AnomalyLikelihood;

/**
 * Bench-only: the {@code likelihood} rule as served up to commit bb82ea6, kept so that one run reports the NAB figures of both: the mean of the last 10 scores
 * standardised by the mean and standard deviation of the <em>individual</em> scores of up to
 * 8,640 steps before them (re-fitted at every step, no learning period left out, one-sided), a
 * candidate when the Gaussian upper tail is below 1e-5, the first step of each run of candidates
 * an alert, from scored step 397 (0-based) on. The served rule is {@link AnomalyLikelihood}.
 */
final class IndividualScoreLikelihood {

    private static final int HISTORY = 8640;
    private static final int AVERAGE = 10;
    private static final int MIN_HISTORY = 388;

    private IndividualScoreLikelihood() {}

    static boolean[] alerts(double[] scores) {
        int n = scores.length;
        double[] sum = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + scores[i];
            squares[i + 1] = squares[i] + scores[i] * scores[i];
        }
        double zLimit = AnomalyLikelihood.upperTailZ(AnomalyLikelihood.RED);
        boolean[] candidates = new boolean[n];
        for (int t = MIN_HISTORY + AVERAGE - 1; t < n; t++) {
            int recentFrom = t - AVERAGE + 1;
            int from = Math.max(0, recentFrom - HISTORY);
            int count = recentFrom - from;
            double mean = (sum[recentFrom] - sum[from]) / count;
            double variance = Math.max(0, (squares[recentFrom] - squares[from]) / count - mean * mean);
            double sd = Math.max(Math.sqrt(variance), 1e-3 * Math.abs(mean) + 1e-12);
            double recent = (sum[t + 1] - sum[recentFrom]) / AVERAGE;
            candidates[t] = (recent - mean) / sd >= zLimit;
        }
        return FileResult.risingEdges(candidates);
    }
}
