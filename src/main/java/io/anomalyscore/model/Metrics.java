package io.anomalyscore.model;

/**
 * Detection quality on one labelled split at the chosen threshold.
 *
 * @param rows rows evaluated
 * @param anomalies rows labelled 1
 * @param rocAuc area under the ROC curve, or {@code null} when only one class is present
 * @param averagePrecision average precision (PR-AUC), or {@code null} when there is no anomaly
 * @param precision precision at the threshold
 * @param recall recall at the threshold
 * @param f1 F1 at the threshold
 * @param accuracy accuracy at the threshold
 * @param truePositives anomalies flagged
 * @param falsePositives normal rows flagged
 * @param trueNegatives normal rows passed
 * @param falseNegatives anomalies missed
 */
public record Metrics(
        int rows,
        int anomalies,
        Double rocAuc,
        Double averagePrecision,
        double precision,
        double recall,
        double f1,
        double accuracy,
        int truePositives,
        int falsePositives,
        int trueNegatives,
        int falseNegatives) {}
