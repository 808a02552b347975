package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** 0, 1, ..., 1000 in random order: its i-th of 1,001 quantiles is exactly i. */
    private static double[] shuffledUniform() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            values.add((double) i);
        }
        Collections.shuffle(values, new Random(7));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void quantilesOfAKnownDistribution() {
        double[] q = Calibration.quantilesOf(shuffledUniform());

        assertThat(q).hasSize(Calibration.QUANTILES);
        for (int i = 0; i < q.length; i++) {
            assertThat(q[i]).isCloseTo(i, within(1e-9));
        }
    }

    @Test
    void quantileInterpolatesLinearlyBetweenRanks() {
        double[] sorted = {1, 2, 3, 4};

        assertThat(Calibration.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Calibration.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Calibration.quantile(sorted, 0.9)).isCloseTo(3.7, within(1e-12));
        assertThat(Calibration.quantile(sorted, 1)).isEqualTo(4);
        // 11 values 0..100 step 10: every 0.1 % quantile is p * 100
        double[] tens = Calibration.quantilesOf(new double[] {100, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90});
        assertThat(tens[1]).isCloseTo(0.1, within(1e-9));
        assertThat(tens[995]).isCloseTo(99.5, within(1e-9));
    }

    @Test
    void percentileIsZeroBelowMinOneAtOrAboveMaxAndInterpolatedBetween() {
        Calibration c = new Calibration(990, "contamination-quantile", 0.01, Calibration.quantilesOf(shuffledUniform()));

        assertThat(c.percentile(-0.5)).isZero();
        assertThat(c.percentile(0)).isZero();
        assertThat(c.percentile(250)).isCloseTo(0.25, within(1e-12));
        assertThat(c.percentile(250.5)).isCloseTo(0.2505, within(1e-12));
        assertThat(c.percentile(999.9)).isCloseTo(0.9999, within(1e-12));
        assertThat(c.percentile(1000)).isEqualTo(1.0);
        assertThat(c.percentile(1e9)).isEqualTo(1.0);
    }

    @Test
    void percentileIsMonotone() {
        Calibration c = new Calibration(1, "x", null, new double[] {0, 1, 1, 1, 2, 5, 5, 9});
        double previous = -1;
        for (double s = -1; s <= 10; s += 0.01) {
            double p = c.percentile(s);
            assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = p;
        }
    }

    @Test
    void percentileOnFlatQuantilesCountsEveryTiedQuantile() {
        Calibration c = new Calibration(1, "x", null, new double[] {0, 1, 1, 1, 2});

        assertThat(c.percentile(0.5)).isCloseTo(0.125, within(1e-12));
        assertThat(c.percentile(1)).isCloseTo(0.75, within(1e-12));
        assertThat(c.percentile(1.5)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void anomalousAtOrAboveThreshold() {
        Calibration c = new Calibration(2, "x", null, new double[] {0, 4});

        assertThat(c.anomalous(1.999)).isFalse();
        assertThat(c.anomalous(2)).isTrue();
    }

    @Test
    void rejectsTooFewOrDescendingQuantiles() {
        assertThatThrownBy(() -> new Calibration(0, "x", null, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calibration(0, "x", null, new double[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Calibration(0, "x", null, new double[] {0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
