package io.anomalyscore.report;

/**
 * The per-step scores of a whole series, for the report's step plot.
 *
 * @param firstStep 0-based step of {@code scores[0]} (the end of the first full window)
 * @param scores one score per step from {@code firstStep} on
 * @param labels a 0/1 label per step of the whole series, or {@code null} without labels
 * @param trainEnd first step after the training segment
 * @param validationEnd first step after the validation segment (the test segment follows)
 */
public record SeriesTrace(int firstStep, double[] scores, int[] labels, int trainEnd, int validationEnd) {}
