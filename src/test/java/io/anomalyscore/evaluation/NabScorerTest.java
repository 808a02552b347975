package io.anomalyscore.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * NAB's rules on hand-made files, whose expected values are worked out here with the scaled
 * sigmoid written as {@code -tanh(2.5 x)}, and the normalisation on the in-repo NAB series.
 */
class NabScorerTest {

    private static final double EPS = 1e-12;
    private static final double MAX_TP = Math.tanh(2.5);

    @Test
    void probationIsFifteenPercentCappedAt750() {
        assertThat(NabScorer.probationaryRows(100)).isEqualTo(15);
        assertThat(NabScorer.probationaryRows(4032)).isEqualTo(604);
        assertThat(NabScorer.probationaryRows(7267)).isEqualTo(750);
        assertThat(NabScorer.probationaryRows(4999)).isEqualTo(749);
        assertThat(NabScorer.probationaryRows(18050)).isEqualTo(750);
        assertThat(NabScorer.probationaryRows(6)).isEqualTo(0);
    }

    @Test
    void earliestDetectionInAWindowEarnsTheScaledSigmoid() {
        int[] labels = labels(100, 40, 49);
        assertThat(score(labels, standard(), 40).rawScore()).isCloseTo(1.0, within(EPS));
        assertThat(score(labels, standard(), 45).rawScore()).isCloseTo(Math.tanh(1.25) / MAX_TP, within(EPS));
        assertThat(score(labels, standard(), 49).rawScore()).isCloseTo(Math.tanh(0.25) / MAX_TP, within(EPS));
    }

    @Test
    void onlyTheFirstDetectionInAWindowCounts() {
        NabFileScore late = score(labels(100, 40, 49), standard(), 45, 46, 47, 48, 49);
        assertThat(late.rawScore()).isCloseTo(Math.tanh(1.25) / MAX_TP, within(EPS));
        assertThat(late.truePositives()).isEqualTo(5);
        assertThat(late.falseNegatives()).isEqualTo(5);
    }

    @Test
    void falsePositivesCostRelativeToThePrecedingWindow() {
        int[] labels = labels(100, 40, 49);
        NabFileScore score = score(labels, standard(), 10, 20, 40, 52, 80);
        double before = -0.11;
        double justAfter = -0.11 * Math.tanh(2.5 * 3.0 / 9.0);
        double farAfter = -0.11;
        assertThat(score.rawScore()).isCloseTo(1.0 + before + justAfter + farAfter, within(EPS));
        assertThat(score.falsePositives()).as("row 10 is probationary").isEqualTo(3);
        assertThat(score.trueNegatives()).isEqualTo(85 - 10 - 3);
    }

    @Test
    void aMissedWindowCostsTheFalseNegativeWeight() {
        int[] labels = labels(100, 40, 49);
        assertThat(score(labels, standard()).rawScore()).isEqualTo(-1.0);
        assertThat(score(labels, NabProfile.rewardLowFn()).rawScore()).isEqualTo(-2.0);
        assertThat(score(labels, NabProfile.rewardLowFp(), 80).rawScore()).isCloseTo(-1.22, within(EPS));
    }

    @Test
    void windowsInsideTheProbationaryPeriodDoNotCount() {
        int[] labels = labels(100, 5, 12);
        NabFileScore score = score(labels, standard(), 30);
        assertThat(score.windows()).isZero();
        assertThat(score.rawScore()).as("18 rows past a window of width 8").isCloseTo(
                -0.11 * Math.tanh(2.5 * 18.0 / 7.0), within(EPS));
    }

    @Test
    void aWindowAcrossTheProbationBoundaryKeepsItsFullWidth() {
        NabFileScore score = score(labels(100, 10, 20), standard(), 12, 15);
        assertThat(score.windows()).isEqualTo(1);
        assertThat(score.rawScore()).isCloseTo(Math.tanh(2.5 * 6.0 / 11.0) / MAX_TP, within(EPS));
        assertThat(score.truePositives()).isEqualTo(1);
    }

    @Test
    void nullDetectorNormalisesToZeroAndPerfectToHundred() {
        assertThat(normalisedOnRepoSeries(labels -> new boolean[labels.length])).isZero();
        assertThat(normalisedOnRepoSeries(NabScorerTest::leftEdges)).isCloseTo(100.0, within(EPS));
        assertThat(normalisedOnRepoSeries(NabScorerTest::onLabels)).isCloseTo(100.0, within(EPS));
    }

    @Test
    void randomDetectionsScoreFarBelowDetectionsOnTheLabels() {
        double best = Double.NEGATIVE_INFINITY;
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            best = Math.max(best, normalisedOnRepoSeries(labels -> randomDetections(labels.length, random)));
        }
        assertThat(best).isLessThan(0.0);
        assertThat(normalisedOnRepoSeries(NabScorerTest::onLabels)).isGreaterThan(best + 100.0);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        assertThatThrownBy(() -> NabScorer.scoreFile(new int[3], new boolean[2], standard()))
                .hasMessageContaining("3 rows").hasMessageContaining("2");
        assertThatThrownBy(() -> NabScorer.scoreFile(new int[] {0, 2, 0}, new boolean[3], standard()))
                .hasMessageContaining("row 1 is 2");
        NabFileScore a = score(labels(100, 40, 49), standard());
        NabFileScore b = score(labels(100, 40, 49), NabProfile.rewardLowFn());
        assertThatThrownBy(() -> NabScorer.normalised(List.of(a, b))).hasMessageContaining("mix");
        NabFileScore none = score(new int[100], standard());
        assertThatThrownBy(() -> NabScorer.normalised(List.of(none))).hasMessageContaining("no scored anomaly window");
    }

    private static double normalisedOnRepoSeries(Function<int[], boolean[]> detector) {
        List<NabFileScore> files = new ArrayList<>();
        for (String series : NabScorerPublishedTest.SERIES) {
            int[] labels = NabCsv.windowLabels(Path.of("src/test/resources/nab/series/" + series + ".csv"));
            files.add(NabScorer.scoreFile(labels, detector.apply(labels), standard()));
        }
        return NabScorer.normalised(files);
    }

    private static boolean[] leftEdges(int[] labels) {
        boolean[] detected = new boolean[labels.length];
        NabWindow.of(labels).forEach(w -> detected[w.left()] = true);
        return detected;
    }

    private static boolean[] onLabels(int[] labels) {
        boolean[] detected = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            detected[i] = labels[i] == 1;
        }
        return detected;
    }

    /** About one row in ten, the share of rows NAB's windows cover. */
    private static boolean[] randomDetections(int rows, Random random) {
        boolean[] detected = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            detected[i] = random.nextDouble() < 0.1;
        }
        return detected;
    }

    private static NabProfile standard() {
        return NabProfile.standard();
    }

    private static int[] labels(int rows, int left, int right) {
        int[] labels = new int[rows];
        for (int i = left; i <= right; i++) {
            labels[i] = 1;
        }
        return labels;
    }

    private static NabFileScore score(int[] labels, NabProfile profile, int... detectedRows) {
        boolean[] detected = new boolean[labels.length];
        for (int row : detectedRows) {
            detected[row] = true;
        }
        return NabScorer.scoreFile(labels, detected, profile);
    }
}
