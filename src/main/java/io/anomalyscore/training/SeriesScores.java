package io.anomalyscore.training;

import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.Metrics;
import java.util.Arrays;

/**
 * The step scores of a whole series, by segment: a step's score is that of the window ending at
 * it, so the first {@code window - 1} steps have none and are left out of every segment.
 *
 * @param training scores of the training steps {@code [window - 1, trainEnd)}
 * @param trainingLabels their labels, or {@code null}
 * @param validation scores of the validation steps
 * @param validationLabels their labels, or {@code null}
 * @param test scores of the test steps
 * @param testLabels their labels, or {@code null}
 */
record SeriesScores(double[] training, int[] trainingLabels, double[] validation, int[] validationLabels,
        double[] test, int[] testLabels) {

    /** Splits {@code windowScores} (one per step from {@code window - 1} on) by {@code split}. */
    static SeriesScores of(double[] windowScores, int window, SeriesSplit split, int[] labels) {
        int first = window - 1;
        int trainEnd = split.trainEnd() - first;
        int validationEnd = split.validationEnd() - first;
        return new SeriesScores(Arrays.copyOfRange(windowScores, 0, trainEnd), slice(labels, first, split.trainEnd()),
                Arrays.copyOfRange(windowScores, trainEnd, validationEnd),
                slice(labels, split.trainEnd(), split.validationEnd()),
                Arrays.copyOfRange(windowScores, validationEnd, windowScores.length),
                slice(labels, split.validationEnd(), split.rows()));
    }

    private static int[] slice(int[] labels, int from, int to) {
        return labels == null ? null : Arrays.copyOfRange(labels, from, to);
    }

    /**
     * Point-wise metrics of each labelled segment at {@code threshold}, without point adjustment
     * (each step counts once); {@code null} without labels.
     */
    Evaluation evaluation(double threshold) {
        if (trainingLabels == null) {
            return null;
        }
        return new Evaluation(metrics(training, trainingLabels, threshold),
                metrics(validation, validationLabels, threshold), metrics(test, testLabels, threshold));
    }

    private static Metrics metrics(double[] scores, int[] labels, double threshold) {
        return scores.length == 0 ? null : DetectorEvaluator.evaluate(scores, labels, threshold);
    }

    /** Whether the validation segment is labelled and holds an anomaly. */
    boolean validationHasAnomaly() {
        return validationLabels != null && Arrays.stream(validationLabels).anyMatch(l -> l == 1);
    }
}
