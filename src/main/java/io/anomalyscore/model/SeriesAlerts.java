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
 *   <li>{@code likelihood} (causal): Numenta HTM's anomaly likelihood ({@link AnomalyLikelihood},
 *       HTM's defaults): the moving average of the last 10 scores against a normal distribution
 *       fitted, every 100 steps, to the moving averages of up to 8,640 earlier scores (the first
 *       288 left out while in that window); a step is an alert when that two-sided tail falls to
 *       1e-5 or below after a step above it. The threshold is not used: the rule adapts to the
 *       level of the recent scores, so a slow drift raises no alarm. The first 388 scored steps
 *       of a request are not judged.
 * </ul>
 * Each request is judged on its own: the rule sees only the steps the caller sent.
 */
public final class SeriesAlerts {

    /** The default rule. */
    public static final String WINDOW = "window";

    /** The rules. */
    public static final List<String> RULES = List.of(WINDOW, "covering", "crossing", "likelihood");

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
            case "likelihood" -> AnomalyLikelihood.HTM.alerts(scores);
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

    private static boolean[] crossings(boolean[] above) {
        boolean[] flags = new boolean[above.length];
        for (int i = 0; i < above.length; i++) {
            flags[i] = above[i] && (i == 0 || !above[i - 1]);
        }
        return flags;
    }
}
