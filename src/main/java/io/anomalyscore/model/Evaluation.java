package io.anomalyscore.model;

/**
 * Metrics of the shipped model on each labelled split, at its threshold.
 *
 * @param training the rows it was fitted on (optimistic)
 * @param validation the rows that chose the early-stopping epoch and the F1 threshold (optimistic
 *     too), or {@code null} when that split is empty
 * @param test rows that chose nothing: the headline figures; {@code null} when that split is
 *     empty (format 1 artifacts have none)
 */
public record Evaluation(Metrics training, Metrics validation, Metrics test) {

    /** The most honest split there is: test, else validation, else training. */
    public Metrics headline() {
        return test != null ? test : validation != null ? validation : training;
    }

    /** The name of {@link #headline()}'s split. */
    public String headlineSplit() {
        return test != null ? "test" : validation != null ? "validation" : "training";
    }
}
