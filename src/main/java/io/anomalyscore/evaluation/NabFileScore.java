package io.anomalyscore.evaluation;

/**
 * NAB's score of one detector on one file under one profile, with the row counts as NAB's
 * {@code *_scores.csv} files give them (detections and non-detections inside and outside the
 * windows, probationary rows excluded) and the raw scores of the null detector (no detection:
 * every scored window missed) and of the perfect detector (a detection on every window's first
 * row) on the same file, which {@link NabScorer#normalised} needs.
 *
 * @param rawScore the sum of the window scores and the false-positive costs
 * @param windows the windows that have at least one row after the probationary period
 */
public record NabFileScore(
        NabProfile profile,
        double rawScore,
        int truePositives,
        int falsePositives,
        int falseNegatives,
        int trueNegatives,
        int windows,
        double nullScore,
        double perfectScore) {

    /** The rows scored, that is all rows after the probationary period. */
    public int scoredRows() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
