package io.anomalyscore.evaluation;

import java.util.List;

/**
 * The Numenta Anomaly Benchmark score (NAB v1.1 rules) of per-row detections against per-row
 * anomaly-window labels: early detections inside a window earn up to A_TP, detections outside
 * cost up to A_FP, missed windows cost A_FN, and a file set is normalised between the null and
 * the perfect detector.
 *
 * <p>The rules, per file: rows before {@link #probationaryRows} are not scored. A window's score
 * is that of its earliest detection, {@code A_TP * s(-(right - i + 1) / width) / s(-1)} with the
 * scaled sigmoid {@link #scaledSigmoid}, or {@code -A_FN} when no scored row of it is detected;
 * windows that lie wholly in the probationary period do not count. Every detection outside the
 * windows costs {@code A_FP * s(|i - r| / (w - 1))} relative to the last window before it (right
 * edge r, width w), which is {@code -A_FP} from three widths on or when no window precedes it.
 */
public final class NabScorer {

    /** NAB's probationary share of the rows. */
    private static final double PROBATION_FRACTION = 0.15;
    /** NAB caps the probationary period at 15 % of 5,000 rows. */
    private static final int PROBATION_CAP = 750;

    private NabScorer() {
    }

    /** The rows NAB leaves unscored at the start of a file: {@code min(floor(0.15 * rows), 750)}. */
    public static int probationaryRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return (int) Math.min(Math.floor(PROBATION_FRACTION * rows), PROBATION_CAP);
    }

    /**
     * NAB's scaled sigmoid of a relative position: about 0.987 at the left edge of a window (-1),
     * 0 at the right edge, about -0.987 one width past it and -1 from three widths on.
     */
    public static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    /**
     * Scores one file.
     *
     * @param windowLabels 1 for the rows inside an anomaly window, else 0 (the NAB series' {@code label})
     * @param detections true for the rows the detector flags
     * @throws IllegalArgumentException when the lengths differ or a label is neither 0 nor 1
     */
    public static NabFileScore scoreFile(int[] windowLabels, boolean[] detections, NabProfile profile) {
        if (windowLabels.length != detections.length) {
            throw new IllegalArgumentException("window labels have " + windowLabels.length
                    + " rows but detections have " + detections.length);
        }
        List<NabWindow> windows = NabWindow.of(windowLabels);
        int probation = probationaryRows(windowLabels.length);
        FileTally tally = new FileTally(profile);
        int next = 0;
        NabWindow previous = null;
        for (int i = probation; i < windowLabels.length; i++) {
            while (next < windows.size() && windows.get(next).right() < i) {
                previous = windows.get(next++);
            }
            NabWindow current = next < windows.size() && windows.get(next).left() <= i ? windows.get(next) : null;
            tally.row(i, detections[i], current, previous);
        }
        int scoredWindows = (int) windows.stream().filter(w -> w.right() >= probation).count();
        return tally.result(scoredWindows);
    }

    /**
     * The normalised NAB score of a set of files scored under one profile:
     * {@code 100 * (S - S_null) / (S_perfect - S_null)} over the summed raw scores, so the null
     * detector scores 0 and the perfect detector 100.
     *
     * @throws IllegalArgumentException when the list is empty, mixes profiles or has no scored window
     */
    public static double normalised(List<NabFileScore> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file scores to normalise");
        }
        NabProfile profile = files.get(0).profile();
        double raw = 0;
        double nullScore = 0;
        double perfect = 0;
        for (NabFileScore file : files) {
            if (!file.profile().equals(profile)) {
                throw new IllegalArgumentException("file scores mix the profiles " + profile.name()
                        + " and " + file.profile().name());
            }
            raw += file.rawScore();
            nullScore += file.nullScore();
            perfect += file.perfectScore();
        }
        if (perfect == nullScore) {
            throw new IllegalArgumentException("the files have no scored anomaly window; NAB's score is undefined");
        }
        return 100.0 * (raw - nullScore) / (perfect - nullScore);
    }

    /** Sums one file's window scores, false-positive costs and row counts. */
    private static final class FileTally {

        private final NabProfile profile;
        private final double maxTruePositive = scaledSigmoid(-1.0);
        private double windowScores;
        private double falsePositiveCosts;
        private int detectedWindows;
        private NabWindow lastDetected;
        private int tp;
        private int fp;
        private int fn;
        private int tn;

        FileTally(NabProfile profile) {
            this.profile = profile;
        }

        void row(int i, boolean detected, NabWindow current, NabWindow previous) {
            if (current != null) {
                if (detected) {
                    tp++;
                    firstDetectionIn(current, i);
                } else {
                    fn++;
                }
            } else if (detected) {
                fp++;
                falsePositiveCosts += profile.fpWeight() * scaledSigmoid(distancePast(previous, i));
            } else {
                tn++;
            }
        }

        /** Only the earliest detection in a window counts; it has the highest sigmoid value. */
        private void firstDetectionIn(NabWindow window, int i) {
            if (window.equals(lastDetected)) {
                return;
            }
            lastDetected = window;
            detectedWindows++;
            double position = -(window.right() - i + 1) / (double) window.width();
            windowScores += Math.max(-profile.fnWeight(),
                    scaledSigmoid(position) * profile.tpWeight() / maxTruePositive);
        }

        /** NAB divides by width - 1; a one-row window would divide by zero, so it counts as far away. */
        private static double distancePast(NabWindow previous, int i) {
            if (previous == null || previous.width() == 1) {
                return 3.0;
            }
            return Math.abs(previous.right() - i) / (double) (previous.width() - 1);
        }

        NabFileScore result(int scoredWindows) {
            double missed = -profile.fnWeight() * (scoredWindows - detectedWindows);
            return new NabFileScore(profile, windowScores + missed + falsePositiveCosts, tp, fp, fn, tn,
                    scoredWindows, -profile.fnWeight() * scoredWindows, profile.tpWeight() * scoredWindows);
        }
    }
}
