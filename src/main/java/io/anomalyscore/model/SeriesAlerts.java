package io.anomalyscore.model;

import java.util.List;

/**
 * How a series model turns the scores of the steps of one request into its {@code anomaly}
 * flags, the model's stored {@code alert} rule:
 * <ul>
 *   <li>{@code window} (default, causal): a step is anomalous when the window ending at it scores
 *       at or above the threshold;
 *   <li>{@code covering} (SKAB's rule for its autoencoders): a step is anomalous when the windows
 *       ending at it and at each of the next {@code window - 2} steps all score at or above the
 *       threshold, that is every window that covers the step except the one starting at it (SKAB
 *       leaves that one out too). It looks ahead: the last {@code window - 2} steps of a request
 *       cannot be decided and are not flagged;
 *   <li>{@code crossing} (causal): only the first step of each run of steps at or above the
 *       threshold is anomalous, one alert per excursion;
 *   <li>{@code likelihood} (causal, after Numenta HTM's anomaly likelihood): the mean score of the
 *       last {@value #AVERAGE} steps is compared with the mean and standard deviation of the scores
 *       of up to {@value #HISTORY} steps before them; a step is a candidate when that Gaussian
 *       tail is below {@value #TAIL} (z at or above about 4.26), and only the first step of each run
 *       of candidates is anomalous. The threshold is not used: the rule adapts to the level of
 *       the recent scores, so a slow drift raises no alarm. A step needs {@value #MIN_HISTORY}
 *       earlier scored steps in the request; before that it is not flagged. The constants are
 *       HTM's defaults (historic window 8,640, averaging window 10, learning period 288 plus 100
 *       estimation samples, NAB threshold near 1 - 1e-5), fixed before any benchmark run.
 * </ul>
 * Each request is judged on its own: the rule sees only the steps the caller sent.
 */
public final class SeriesAlerts {

    /** The default rule. */
    public static final String WINDOW = "window";

    /** The rules. */
    public static final List<String> RULES = List.of(WINDOW, "covering", "crossing", "likelihood");

    /** {@code likelihood}: steps of score history the distribution is estimated on. */
    public static final int HISTORY = 8640;

    /** {@code likelihood}: steps averaged into the short-term score. */
    public static final int AVERAGE = 10;

    /** {@code likelihood}: scored steps needed before the first judged step. */
    public static final int MIN_HISTORY = 388;

    /** {@code likelihood}: the Gaussian tail probability below which a step is a candidate. */
    public static final double TAIL = 1e-5;

    private SeriesAlerts() {}

    /**
     * The flags of consecutive step scores ({@code scores[i]} = the window ending at the {@code
     * i}-th scored step).
     */
    public static boolean[] flags(double[] scores, double threshold, String rule, int window) {
        boolean[] above = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            above[i] = scores[i] >= threshold;
        }
        return switch (rule) {
            case WINDOW -> above;
            case "covering" -> covering(above, window - 1);
            case "crossing" -> crossings(above);
            case "likelihood" -> crossings(unlikely(scores));
            default -> throw new IllegalArgumentException("unknown alert rule " + rule + "; one of " + RULES);
        };
    }

    /** Step i flagged when {@code above[i .. i + run - 1]} all hold. */
    private static boolean[] covering(boolean[] above, int run) {
        boolean[] flags = new boolean[above.length];
        int streak = 0; // consecutive trues ending at j, scanning backwards
        for (int j = above.length - 1; j >= 0; j--) {
            streak = above[j] ? streak + 1 : 0;
            flags[j] = streak >= run;
        }
        return flags;
    }

    /**
     * Steps whose last {@link #AVERAGE} scores average {@code z} standard deviations above the
     * scores of the {@link #HISTORY} steps before them, with the upper tail below {@link #TAIL}.
     */
    static boolean[] unlikely(double[] scores) {
        int n = scores.length;
        double[] sum = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + scores[i];
            squares[i + 1] = squares[i] + scores[i] * scores[i];
        }
        double zLimit = upperTailZ(TAIL);
        boolean[] flags = new boolean[n];
        for (int t = MIN_HISTORY + AVERAGE - 1; t < n; t++) {
            int recentFrom = t - AVERAGE + 1;
            int from = Math.max(0, recentFrom - HISTORY);
            int count = recentFrom - from;
            double mean = (sum[recentFrom] - sum[from]) / count;
            double variance = Math.max(0, (squares[recentFrom] - squares[from]) / count - mean * mean);
            // a floor as HTM's (its scores are in [0, 1]): here relative to the level of the scores
            double sd = Math.max(Math.sqrt(variance), 1e-3 * Math.abs(mean) + 1e-12);
            double recent = (sum[t + 1] - sum[recentFrom]) / AVERAGE;
            flags[t] = (recent - mean) / sd >= zLimit;
        }
        return flags;
    }

    /** The z whose standard normal upper tail is {@code p}, by bisection on erfc. */
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
    static double upperTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return 0.5 * (x >= 0 ? erfc : 2 - erfc);
    }

    private static boolean[] crossings(boolean[] above) {
        boolean[] flags = new boolean[above.length];
        for (int i = 0; i < above.length; i++) {
            flags[i] = above[i] && (i == 0 || !above[i - 1]);
        }
        return flags;
    }
}
