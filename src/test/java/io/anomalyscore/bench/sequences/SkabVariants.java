package io.anomalyscore.bench.sequences;

import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.Calibration;
import io.anomalyscore.model.SeriesAlerts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The point-wise counts of one SKAB file under variants of SKAB's threshold and step rules, from
 * the same trained model's window scores, to show what each part of the rule does: the 0.99 or
 * the 0.999 quantile of the training windows' scores x 4/3, the {@code window} or the {@code
 * covering} step rule ({@link SeriesAlerts}), and the covering rule within the bounds of SKAB's
 * notebook loop, which also leaves the last {@code 2 (window - 1)} test rows unflagged (its
 * range stops at {@code len(X) - N_STEPS + 1} windows). Not tuned: every variant is reported.
 */
final class SkabVariants {

    private SkabVariants() {}

    /**
     * @param training scores of the windows within the training rows
     * @param test scores of the windows within the test rows, {@code test[i]} ending at test row
     *     {@code i + window - 1}
     */
    static Map<String, PointMetrics> of(BenchFile file, double[] training, double[] test) {
        double[] sorted = training.clone();
        Arrays.sort(sorted);
        int[] labels = Arrays.copyOfRange(file.labels(), file.trainRows(), file.labels().length);
        int window = file.window();
        Map<String, PointMetrics> variants = new LinkedHashMap<>();
        for (double q : new double[] {0.99, 0.999}) {
            double threshold = Calibration.quantile(sorted, q) * 4 / 3;
            for (String rule : new String[] {SeriesAlerts.WINDOW, "covering"}) {
                variants.put("q" + q + " " + rule, PointMetrics.of(labels, rows(
                        SeriesAlerts.flags(test, threshold, rule, window), labels.length, window, labels.length)));
            }
            variants.put("q" + q + " covering, SKAB's loop bounds", PointMetrics.of(labels, rows(
                    SeriesAlerts.flags(test, threshold, "covering", window), labels.length, window,
                    labels.length - 2 * (window - 1))));
        }
        return variants;
    }

    /** Per test row: the flag of the window ending at it, for rows before {@code end}. */
    private static boolean[] rows(boolean[] flags, int rows, int window, int end) {
        boolean[] detected = new boolean[rows];
        for (int i = 0; i < flags.length; i++) {
            int row = i + window - 1;
            detected[row] = row < end && flags[i];
        }
        return detected;
    }
}
