package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.anomalyscore.model.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed by hand (and matching scikit-learn's definitions): ROC-AUC as the share
 * of (anomaly, normal) pairs ranked correctly, ties counting half; AP as sum (R_n - R_n-1) P_n over
 * distinct thresholds, highest first.
 */
class DetectorEvaluatorTest {

    private static final int[] Y = {0, 0, 1, 1};
    private static final double[] S = {0.1, 0.4, 0.35, 0.8};

    /** Tied scores across classes: 0.5 (normal and anomaly) and 0.2 (normal and anomaly). */
    private static final int[] TIED_Y = {0, 1, 0, 1, 1, 0};
    private static final double[] TIED_S = {0.5, 0.5, 0.2, 0.9, 0.2, 0.1};

    @Test
    void rocAucOfSmallVector() {
        assertThat(DetectorEvaluator.rocAuc(S, Y)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // pairs: 0.5 vs {0.5, 0.2, 0.1} = 0.5 + 2; 0.9 vs all = 3; 0.2 vs {0.5, 0.2, 0.1} = 0 + 0.5 + 1
        assertThat(DetectorEvaluator.rocAuc(TIED_S, TIED_Y)).isCloseTo(7.0 / 9, within(1e-12));
        assertThat(DetectorEvaluator.rocAuc(new double[] {1, 1, 1, 1}, Y)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rocAucExtremesAndSingleClass() {
        assertThat(DetectorEvaluator.rocAuc(new double[] {0.1, 0.9}, new int[] {0, 1})).isEqualTo(1.0);
        assertThat(DetectorEvaluator.rocAuc(new double[] {0.9, 0.1}, new int[] {0, 1})).isEqualTo(0.0);
        assertThat(DetectorEvaluator.rocAuc(new double[] {0.1, 0.9}, new int[] {0, 0})).isNull();
        assertThat(DetectorEvaluator.rocAuc(new double[] {0.1, 0.9}, new int[] {1, 1})).isNull();
    }

    @Test
    void averagePrecisionOfSmallVector() {
        // 0.8: P 1, R 1/2; 0.4: P 1/2, R 1/2; 0.35: P 2/3, R 1 -> 1/2 * 1 + 1/2 * 2/3
        assertThat(DetectorEvaluator.averagePrecision(S, Y)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void averagePrecisionGroupsTiedScores() {
        // 0.9: P 1, R 1/3; 0.5: P 2/3, R 2/3; 0.2: P 3/5, R 1 -> (1 + 2/3 + 3/5) / 3 = 34/45
        assertThat(DetectorEvaluator.averagePrecision(TIED_S, TIED_Y)).isCloseTo(34.0 / 45, within(1e-12));
        // all tied: one threshold, P = 1/2, R = 1
        assertThat(DetectorEvaluator.averagePrecision(new double[] {1, 1, 1, 1}, Y)).isCloseTo(0.5, within(1e-12));
        assertThat(DetectorEvaluator.averagePrecision(S, new int[] {0, 0, 0, 0})).isNull();
    }

    @Test
    void f1OptimalThreshold() {
        // F1 at 0.8: 2/3, 0.4: 1/2, 0.35: 4/5, 0.1: 2/3
        assertThat(DetectorEvaluator.f1OptimalThreshold(S, Y)).isEqualTo(0.35);
        // F1 at 0.9: 1/2, 0.5: 2/3, 0.2: 3/4, 0.1: 2/3
        assertThat(DetectorEvaluator.f1OptimalThreshold(TIED_S, TIED_Y)).isEqualTo(0.2);
    }

    @Test
    void f1OptimalThresholdPrefersTheHigherThresholdOnEqualF1() {
        // F1 at 0.9: 2/3, 0.8: 1/2, 0.7: 2/5, 0.1: 2/3
        double t = DetectorEvaluator.f1OptimalThreshold(new double[] {0.9, 0.8, 0.7, 0.1}, new int[] {1, 0, 0, 1});
        assertThat(t).isEqualTo(0.9);
    }

    @Test
    void evaluateGivesConfusionMatrixAndRates() {
        Metrics m = DetectorEvaluator.evaluate(S, Y, 0.35);

        assertThat(m.rows()).isEqualTo(4);
        assertThat(m.anomalies()).isEqualTo(2);
        assertThat(new int[] {m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives()})
                .containsExactly(2, 1, 1, 0);
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(m.rocAuc()).isCloseTo(0.75, within(1e-12));
        assertThat(m.averagePrecision()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void evaluateOnTiesAndWithNothingFlagged() {
        Metrics tied = DetectorEvaluator.evaluate(TIED_S, TIED_Y, 0.2);
        assertThat(new int[] {tied.truePositives(), tied.falsePositives(), tied.trueNegatives(), tied.falseNegatives()})
                .containsExactly(3, 2, 1, 0);
        assertThat(tied.precision()).isCloseTo(0.6, within(1e-12));
        assertThat(tied.f1()).isCloseTo(0.75, within(1e-12));
        assertThat(tied.accuracy()).isCloseTo(4.0 / 6, within(1e-12));

        Metrics none = DetectorEvaluator.evaluate(S, Y, 2.0);
        assertThat(none.truePositives() + none.falsePositives()).isZero();
        assertThat(none.precision()).isZero();
        assertThat(none.recall()).isZero();
        assertThat(none.f1()).isZero();
        assertThat(none.accuracy()).isCloseTo(0.5, within(1e-12));
    }
}
