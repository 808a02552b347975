package io.anomalyscore.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The ROC and precision-recall curves of scores against 0/1 labels (1 = anomaly, higher score =
 * more anomalous): one point per distinct score taken as the threshold, highest first.
 *
 * @param falsePositiveRate ROC x, from 0 to 1
 * @param truePositiveRate ROC y and PR x (recall), from 0 to 1
 * @param precision PR y at each point
 */
record Curves(double[] falsePositiveRate, double[] truePositiveRate, double[] precision) {

    /** The curves, or {@code null} unless both classes are present. */
    static Curves of(double[] scores, int[] labels) {
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] fpr = new double[scores.length + 1];
        double[] tpr = new double[scores.length + 1];
        double[] precision = new double[scores.length + 1];
        precision[0] = 1;
        int n = 1;
        int tp = 0;
        int fp = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]] == 1) tp++; else fp++;
                j++;
            }
            fpr[n] = fp / (double) negatives;
            tpr[n] = tp / (double) positives;
            precision[n] = tp / (double) (tp + fp);
            n++;
            i = j;
        }
        return new Curves(Arrays.copyOf(fpr, n), Arrays.copyOf(tpr, n), Arrays.copyOf(precision, n));
    }
}
