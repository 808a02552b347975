package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedianImputerTest {

    private static final double NAN = Double.NaN;

    @Test
    void mediansIgnoreMissingValuesForOddAndEvenCounts() {
        double[][] rows = {
            {3, 4, NAN},
            {NAN, 1, NAN},
            {1, 3, NAN},
            {2, 2, NAN},
        };

        MedianImputer imputer = MedianImputer.fit(rows, 3);

        // column 0: {1, 2, 3} -> 2; column 1: {1, 2, 3, 4} -> 2.5; column 2: no value -> 0
        assertThat(imputer.medians()).containsExactly(2, 2.5, 0);
    }

    @Test
    void fillReplacesOnlyMissingValuesAndLeavesTheInputAlone() {
        MedianImputer imputer = new MedianImputer(new double[] {2, 2.5, 0});
        double[] row = {NAN, 9, NAN};

        double[] filled = imputer.fill(row);

        assertThat(filled).containsExactly(2, 9, 0);
        assertThat(row[0]).isNaN();
    }
}
