package io.anomalyscore.model;

/**
 * Numenta HTM's anomaly likelihood (NuPIC's {@code anomaly_likelihood} module, as NAB's Numenta
 * detectors use it), reimplemented from its published description over the step scores of one
 * request, oldest first:
 * <ol>
 *   <li>the first {@code learning + estimation} steps are not judged (likelihood 0.5);
 *   <li>at the first judged step and then at every step whose index is a multiple of {@code
 *       reestimation}, a normal distribution is re-fitted to the <em>moving averages</em> (over
 *       {@code averaging} steps) of the scores of up to {@code history} steps before it, leaving
 *       out the averages of the first {@code learning} steps while they are still in that window;
 *       the averages restart at the window's first step, as HTM recomputes them from its stored
 *       history;
 *   <li>a step's likelihood is 1 minus the two-sided Gaussian tail of the moving average of the
 *       last {@code averaging} scores (the step's own included) under the current distribution:
 *       an average far <em>below</em> the mean is as unlikely as one far above it;
 *   <li>the tails are filtered so that only sharp rises stay red: a step whose tail is at or below
 *       {@link #RED} right after a step whose tail was too is set to {@link #YELLOW}.
 * </ol>
 * A step is an alert when its filtered tail is at or below {@link #RED} (likelihood at or above
 * 0.99999, HTM's red zone; NAB's optimised threshold for its Numenta detector, 0.542 on NuPIC's
 * log-likelihood scale in {@code thresholds.json}, is a tail of about 3.8e-6).
 *
 * <p>One difference, stated: HTM's scores lie in [0, 1], and it floors the fitted mean at 0.03
 * and the variance at 0.0003; reconstruction errors have no fixed scale, so here the standard
 * deviation is floored relative to the mean (at {@code 1e-3 |mean|}, plus {@code 1e-12}), for the
 * same purpose (a near-constant history must not make every small change red). HTM's test for a
 * flat <em>input</em> metric is left out: this rule sees only the scores.
 *
 * @param learning steps whose averaged scores are left out of the fit while in the window
 * @param estimation further steps before the first judged step
 * @param history steps of score history the distribution is fitted on
 * @param reestimation the distribution is re-fitted at steps whose index is a multiple of this
 * @param averaging steps in the moving average
 */
public record AnomalyLikelihood(int learning, int estimation, int history, int reestimation, int averaging) {

    /**
     * HTM's defaults ({@code AnomalyLikelihood(learningPeriod=288, estimationSamples=100,
     * historicWindowSize=8640, reestimationPeriod=100)}, averaging window 10).
     */
    public static final AnomalyLikelihood HTM = new AnomalyLikelihood(288, 100, 8640, 100, 10);

    /** The red zone: a tail at or below {@code 1 - 0.99999}. */
    public static final double RED = 1e-5;

    /** What a repeated red tail is filtered to: {@code 1 - 0.999}. */
    public static final double YELLOW = 1e-3;

    public AnomalyLikelihood {
        if (learning < 0 || estimation < 1 || reestimation < 1 || averaging < 1) {
            throw new IllegalArgumentException("learning must be >= 0, estimation, reestimation and averaging >= 1");
        }
        if (history < estimation || history <= learning) {
            throw new IllegalArgumentException("history must be at least estimation and above learning: " + history);
        }
    }

    /** Steps before the first judged one. */
    public int probation() {
        return learning + estimation;
    }

    /**
     * The filtered tail probability of every step ({@code 1 - likelihood}); 0.5 for the steps of
     * the probation.
     */
    public double[] tails(double[] scores) {
        int n = scores.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + scores[i];
        }
        double[] tails = new double[n];
        double mean = 0;
        double sd = 0;
        boolean fitted = false;
        int averagesFrom = 0; // the moving average restarts at the fitted window's first step
        double previous = 1; // the previous step's unfiltered tail
        for (int i = 0; i < n; i++) {
            if (i < probation()) {
                tails[i] = 0.5;
                continue;
            }
            if (!fitted || i % reestimation == 0) {
                int from = Math.max(0, i - history);
                int skip = Math.min(i, Math.max(0, learning - Math.max(0, i - history)));
                int count = i - from - skip;
                double sum = 0;
                for (int j = from + skip; j < i; j++) {
                    sum += average(prefix, from, j);
                }
                mean = sum / count;
                double deviations = 0;
                for (int j = from + skip; j < i; j++) {
                    double d = average(prefix, from, j) - mean;
                    deviations += d * d;
                }
                double variance = deviations / count; // the population variance, as numpy.var
                sd = Math.max(Math.sqrt(variance), 1e-3 * Math.abs(mean) + 1e-12);
                fitted = true;
                averagesFrom = from;
                previous = tail(average(prefix, from, i - 1), mean, sd);
            }
            double raw = tail(average(prefix, averagesFrom, i), mean, sd);
            tails[i] = raw <= RED && previous <= RED ? YELLOW : raw;
            previous = raw;
        }
        return tails;
    }

    /** Steps whose filtered tail is in the red zone: the first of each run of red steps. */
    public boolean[] alerts(double[] scores) {
        double[] tails = tails(scores);
        boolean[] alerts = new boolean[tails.length];
        for (int i = 0; i < tails.length; i++) {
            alerts[i] = tails[i] <= RED;
        }
        return alerts;
    }

    /** The mean of the scores of steps {@code max(start, j - averaging + 1) .. j}. */
    private double average(double[] prefix, int start, int j) {
        int from = Math.max(start, j - averaging + 1);
        return (prefix[j + 1] - prefix[from]) / (j + 1 - from);
    }

    /** The two-sided tail: the probability of a sample at least as far from the mean as {@code x}. */
    static double tail(double x, double mean, double sd) {
        return upperTail(Math.abs(x - mean) / sd);
    }

    /** The z whose standard normal upper tail is {@code p}, by bisection. */
    public static double upperTailZ(double p) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(mid) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The standard normal upper tail, 0.5 erfc(z / sqrt 2) (Numerical Recipes' erfc, 1.2e-7 relative). */
    public static double upperTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return 0.5 * (x >= 0 ? erfc : 2 - erfc);
    }
}
