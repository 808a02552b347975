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
        Integer[] order = ascending(scores);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        if (positives == 0) {
            return null;
        }
        double ap = 0;
        int tp = 0;
        int seen = 0;
        double previousRecall = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                tp += labels[order[k]];
                seen++;
            }
            double recall = tp / (double) positives;
            ap += (recall - previousRecall) * (tp / (double) seen);
            previousRecall = recall;
            i = j - 1;
        }
        return ap;
    }

    /**
     * The threshold with the highest F1 among the distinct scores (ties: the higher threshold);
     * labels must contain at least one anomaly.
     */
    public static double f1OptimalThreshold(double[] scores, int[] labels) {
        Integer[] order = ascending(scores);
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        double bestF1 = -1;
        double best = scores.length == 0 ? 0 : scores[order[order.length - 1]];
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
            double f1 = positives == 0 ? 0 : 2.0 * tp / (flagged + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = scores[order[i]];
            }
            i = j - 1;
        }
        return best;
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
