package io.anomalyscore.evaluation;

/** Turns per-row anomaly scores into per-row detections at a threshold. */
public final class Detections {

    private Detections() {
    }

    /**
     * A row is a detection when its score is at least the threshold, the rule NAB applies to its
     * detectors' {@code anomaly_score} column.
     */
    public static boolean[] atThreshold(double[] scores, double threshold) {
        boolean[] detected = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            detected[i] = scores[i] >= threshold;
        }
        return detected;
    }
}
