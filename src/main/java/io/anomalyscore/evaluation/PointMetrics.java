package io.anomalyscore.evaluation;

import java.util.List;

/**
 * Point-wise detection metrics, without point adjustment: every row counts on its own, a
 * detection in a labelled segment credits only that row. Also SKAB's binary leaderboard metrics,
 * which are computed on the same counts: its F1 {@code TP / (TP + (FN + FP) / 2)} equals the
 * point-wise F1, FAR is {@code 100 * FP / (FP + TN)} and MAR {@code 100 * FN / (FN + TP)}.
 * SKAB pools the counts over all test files before dividing ({@link #pooled}) and rounds its
 * printed figures to two decimals; these methods do not round.
 *
 * <p>A ratio whose denominator is zero is 0 (no detections: precision 0; no labelled rows:
 * recall 0 and MAR 0; no normal rows: FAR 0).
 */
public record PointMetrics(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public PointMetrics {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0");
        }
    }

    /**
     * Counts per-row detections against per-row 0/1 labels.
     *
     * @throws IllegalArgumentException when the lengths differ or a label is neither 0 nor 1
     */
    public static PointMetrics of(int[] labels, boolean[] detected) {
        if (labels.length != detected.length) {
            throw new IllegalArgumentException("labels have " + labels.length + " rows but detections have "
                    + detected.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label of row " + i + " is " + labels[i] + ", not 0 or 1");
            }
            boolean anomalous = labels[i] == 1;
            if (anomalous && detected[i]) {
                tp++;
            } else if (anomalous) {
                fn++;
            } else if (detected[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        return new PointMetrics(tp, fp, fn, tn);
    }

    /** The counts of several files added up, as SKAB pools its test parts. */
    public static PointMetrics pooled(List<PointMetrics> files) {
        PointMetrics sum = new PointMetrics(0, 0, 0, 0);
        for (PointMetrics file : files) {
            sum = new PointMetrics(sum.truePositives + file.truePositives, sum.falsePositives + file.falsePositives,
                    sum.falseNegatives + file.falseNegatives, sum.trueNegatives + file.trueNegatives);
        }
        return sum;
    }

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN). */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; also SKAB's F1. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** SKAB's false alarm rate in percent: 100 FP / (FP + TN). */
    public double falseAlarmRate() {
        return 100.0 * ratio(falsePositives, falsePositives + trueNegatives);
    }

    /** SKAB's missing alarm rate in percent: 100 FN / (FN + TP). */
    public double missingAlarmRate() {
        return 100.0 * ratio(falseNegatives, falseNegatives + truePositives);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : numerator / (double) denominator;
    }
}
