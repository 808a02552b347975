package io.anomalyscore.tuning;

/**
 * What {@code --tune} asked for.
 *
 * @param budget trials and/or time
 * @param metric {@code pr-auc} or {@code roc-auc}: the objective when labels exist
 */
public record TuningOptions(TuningBudget budget, String metric) {

    public TuningOptions {
        TuningObjective.of(metric, true); // rejects an unknown metric
    }

    /** The objective for a run with or without labels. */
    public TuningObjective objective(boolean labelled) {
        return TuningObjective.of(metric, labelled);
    }
}
