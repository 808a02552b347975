package io.anomalyscore.tuning;

import java.util.Locale;

/** What a trial is ranked by, always measured on the validation split (never the test split). */
public enum TuningObjective {

    /** Average precision of the validation scores against the validation labels. */
    PR_AUC("validation PR-AUC", true),
    /** ROC-AUC of the validation scores against the validation labels. */
    ROC_AUC("validation ROC-AUC", true),
    /**
     * Without labels: the mean score of the validation rows, which for the reconstruction detectors
     * is their validation reconstruction error. A proxy: a lower error does not promise a better
     * ranking of anomalies, and a larger network may lower it by reconstructing anomalies too.
     */
    VALIDATION_LOSS("validation reconstruction loss (proxy: no labels)", false);

    private final String label;
    private final boolean higherIsBetter;

    TuningObjective(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * The objective for {@code --tune-metric} ({@code pr-auc} or {@code roc-auc}) with labels;
     * without labels the proxy, whatever the metric.
     *
     * @throws IllegalArgumentException for an unknown metric
     */
    public static TuningObjective of(String metric, boolean labelled) {
        String m = metric.toLowerCase(Locale.ROOT);
        if (!m.equals("pr-auc") && !m.equals("roc-auc")) {
            throw new IllegalArgumentException("--tune-metric must be pr-auc or roc-auc, not " + metric);
        }
        if (!labelled) {
            return VALIDATION_LOSS;
        }
        return m.equals("pr-auc") ? PR_AUC : ROC_AUC;
    }

    /** How the objective is named in output and provenance. */
    public String label() {
        return label;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether {@code candidate} beats {@code incumbent} (a tie keeps the incumbent: the earlier trial). */
    public boolean better(double candidate, double incumbent) {
        return higherIsBetter ? candidate > incumbent : candidate < incumbent;
    }

    /** The label with its direction, for the line the search opens with. */
    public String declaration() {
        return label + ", " + (higherIsBetter ? "higher" : "lower") + " is better";
    }
}
