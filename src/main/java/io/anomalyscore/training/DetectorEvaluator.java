package io.anomalyscore.training;

import io.anomalyscore.model.Metrics;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranking and threshold metrics of scores against 0/1 labels (1 = anomaly, higher score = more
 * anomalous). ROC-AUC treats ties as half-correct (Mann-Whitney); average precision follows
 * scikit-learn: {@code sum over distinct thresholds of (R_n - R_n-1) * P_n}.
 */
public final class DetectorEvaluator {

    private DetectorEvaluator() {}

    /** All metrics at {@code threshold} ({@code score >= threshold} is flagged). */
    public static Metrics evaluate(double[] scores, int[] labels, double threshold) {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (labels[i] == 1) {
                if (flagged) tp++; else fn++;
            } else {
                if (flagged) fp++; else tn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double accuracy = scores.length == 0 ? 0 : (tp + tn) / (double) scores.length;
        return new Metrics(scores.length, tp + fn, rocAuc(scores, labels), averagePrecision(scores, labels),
                precision, recall, f1, accuracy, tp, fp, tn, fn);
    }

    /** ROC-AUC, or {@code null} when only one class is present. */
    public static Double rocAuc(double[] scores, int[] labels) {
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Average precision, or {@code null} when there is no positive. */
    public static Double averagePrecision(double[] scores, int[] labels) {
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            return null;
        }
        double[] ap = {0, 0}; // sum, previous recall
        forEachThreshold(scores, labels, (threshold, tp, flagged) -> {
            double recall = tp / (double) positives;
            ap[0] += (recall - ap[1]) * (tp / (double) flagged);
            ap[1] = recall;
        });
        return ap[0];
    }

    /**
     * The threshold with the highest F1 among the distinct scores (ties: the higher threshold);
     * labels must contain at least one anomaly.
     */
    public static double f1OptimalThreshold(double[] scores, int[] labels) {
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        double[] best = {-1, Arrays.stream(scores).max().orElse(0)}; // F1, threshold
        forEachThreshold(scores, labels, (threshold, tp, flagged) -> {
            double f1 = positives == 0 ? 0 : 2.0 * tp / (flagged + positives);
            if (f1 > best[0]) {
                best[0] = f1;
                best[1] = threshold;
            }
        });
        return best[1];
    }

    /** Receives one candidate threshold with the counts of {@code score >= threshold}. */
    private interface ThresholdVisitor {
        void visit(double threshold, int truePositives, int flagged);
    }

    /** Visits every distinct score as a threshold, highest first, with cumulative counts. */
    private static void forEachThreshold(double[] scores, int[] labels, ThresholdVisitor visitor) {
        Integer[] order = ascending(scores);
        int tp = 0;
        int flagged = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                tp += labels[order[k]];
                flagged++;
            }
            visitor.visit(scores[order[i]], tp, flagged);
            i = j - 1;
        }
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}
