package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.anomalyscore.model.Calibration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

    /** 0, 1, ..., 100. */
    private static final double[] FIT = IntStream.rangeClosed(0, 100).asDoubleStream().toArray();

    @Test
    void withoutLabelsTheThresholdIsTheContaminationQuantileOfFittedScores() {
        Calibration c = ThresholdCalibrator.calibrate(FIT, FIT, null, new double[] {1, 2}, null, 0.05);

        assertThat(c.method()).isEqualTo("contamination-quantile");
        assertThat(c.contamination()).isEqualTo(0.05);
        assertThat(c.threshold()).isCloseTo(95, within(1e-9));
        assertThat(c.quantiles()).hasSize(Calibration.QUANTILES);
        assertThat(c.quantiles()[500]).isCloseTo(50, within(1e-9));
        assertThat(c.percentile(95)).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void withLabelsTheThresholdMaximisesF1OnValidation() {
        double[] validation = {0.1, 0.4, 0.35, 0.8};
        int[] labels = {0, 0, 1, 1};

        Calibration c = ThresholdCalibrator.calibrate(FIT, FIT, new int[FIT.length], validation, labels, 0.05);

        assertThat(c.method()).isEqualTo("f1-validation");
        assertThat(c.contamination()).isNull();
        assertThat(c.threshold()).isEqualTo(0.35);
        assertThat(c.quantiles()[1000]).isEqualTo(100);
    }

    @Test
    void fallsBackToTrainingLabelsWhenValidationHasNoAnomaly() {
        double[] training = {0.1, 0.4, 0.35, 0.8};

        Calibration c = ThresholdCalibrator.calibrate(FIT, training, new int[] {0, 0, 1, 1},
                new double[] {0.2, 0.3}, new int[] {0, 0}, 0.05);

        assertThat(c.method()).isEqualTo("f1-training");
        assertThat(c.threshold()).isEqualTo(0.35);
    }
}
