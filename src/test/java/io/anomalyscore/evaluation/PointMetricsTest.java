package io.anomalyscore.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Point-wise and SKAB metrics on hand-made arrays whose counts are worked out in the comments. */
class PointMetricsTest {

    private static final double EPS = 1e-12;

    /** Rows 2, 3, 4 and 7 are anomalous; rows 1, 2, 4, 6 and 9 are detected. */
    private static final int[] LABELS = {0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    private static final boolean[] DETECTED = rows(12, 1, 2, 4, 6, 9);

    @Test
    void countsEachRowOnItsOwn() {
        // TP rows 2, 4; FN rows 3, 7; FP rows 1, 6, 9; TN rows 0, 5, 8, 10, 11
        assertThat(PointMetrics.of(LABELS, DETECTED)).isEqualTo(new PointMetrics(2, 3, 2, 5));
    }

    @Test
    void precisionRecallAndF1WithoutPointAdjustment() {
        PointMetrics m = PointMetrics.of(LABELS, DETECTED);
        assertThat(m.precision()).isCloseTo(0.4, within(EPS));
        assertThat(m.recall()).isCloseTo(0.5, within(EPS));
        assertThat(m.f1()).as("2 / (2 + (2 + 3) / 2), SKAB's form").isCloseTo(4.0 / 9.0, within(EPS));
    }

    @Test
    void skabFalseAndMissingAlarmRatesArePercentages() {
        PointMetrics m = PointMetrics.of(LABELS, DETECTED);
        assertThat(m.falseAlarmRate()).as("3 of 8 normal rows").isCloseTo(37.5, within(EPS));
        assertThat(m.missingAlarmRate()).as("2 of 4 anomalous rows").isCloseTo(50.0, within(EPS));
    }

    @Test
    void skabPoolsTheCountsOfAllFilesBeforeDividing() {
        // second file: TP row 0, FN row 1, TN row 2 -> F1 2/3 on its own
        PointMetrics second = PointMetrics.of(new int[] {1, 1, 0}, rows(3, 0));
        PointMetrics pooled = PointMetrics.pooled(List.of(PointMetrics.of(LABELS, DETECTED), second));
        assertThat(pooled).isEqualTo(new PointMetrics(3, 3, 3, 6));
        assertThat(pooled.f1()).as("not the mean 5/9 of the files' F1").isCloseTo(0.5, within(EPS));
        assertThat(pooled.falseAlarmRate()).isCloseTo(100.0 / 3.0, within(EPS));
        assertThat(pooled.missingAlarmRate()).isCloseTo(50.0, within(EPS));
    }

    @Test
    void emptyDenominatorsGiveZero() {
        PointMetrics quiet = PointMetrics.of(new int[4], new boolean[4]);
        assertThat(List.of(quiet.precision(), quiet.recall(), quiet.f1(), quiet.falseAlarmRate(),
                quiet.missingAlarmRate())).containsOnly(0.0);
    }

    @Test
    void detectingEveryRowHasFullRecallAndFullFalseAlarmRate() {
        PointMetrics all = PointMetrics.of(LABELS, rows(12, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(all.recall()).isEqualTo(1.0);
        assertThat(all.missingAlarmRate()).isZero();
        assertThat(all.falseAlarmRate()).isEqualTo(100.0);
        assertThat(all.precision()).isCloseTo(4.0 / 12.0, within(EPS));
    }

    @Test
    void badInputIsRejectedWithTheRow() {
        assertThatThrownBy(() -> PointMetrics.of(new int[2], new boolean[3])).hasMessageContaining("2 rows");
        assertThatThrownBy(() -> PointMetrics.of(new int[] {0, -1}, new boolean[2])).hasMessageContaining("row 1");
    }

    private static boolean[] rows(int length, int... detected) {
        boolean[] out = new boolean[length];
        for (int row : detected) {
            out[row] = true;
        }
        return out;
    }
}
