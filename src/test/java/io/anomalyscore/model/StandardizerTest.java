package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final double[][] ROWS = {
        {1, 10, 5},
        {2, 20, 5},
        {3, 60, 5},
    };

    @Test
    void fitsMeanAndPopulationStandardDeviationPerColumn() {
        Standardizer s = Standardizer.fit(ROWS, 3);

        assertThat(s.mean()).containsExactly(new double[] {2, 30, 5}, within(1e-12));
        // column 0: deviations -1, 0, 1 -> variance 2/3; column 1: -20, -10, 30 -> 1400/3
        assertThat(s.scale()[0]).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(s.scale()[1]).isCloseTo(Math.sqrt(1400.0 / 3), within(1e-12));
        assertThat(s.apply(0, 3)).isCloseTo(1 / Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(s.apply(1, 30)).isZero();
    }

    @Test
    void constantColumnGetsScaleOneAndMapsToZero() {
        Standardizer s = Standardizer.fit(ROWS, 3);

        assertThat(s.scale()[2]).isEqualTo(1.0);
        assertThat(s.apply(2, 5)).isZero();
        assertThat(s.apply(2, 7)).isEqualTo(2.0);
    }

    @Test
    void rejectsNonPositiveOrNonFiniteScale() {
        assertThatThrownBy(() -> new Standardizer(new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standardizer(new double[] {0}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standardizer(new double[] {0, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
