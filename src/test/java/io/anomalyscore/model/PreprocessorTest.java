package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static final Standardizer STANDARDIZER = new Standardizer(new double[] {1, 2}, new double[] {2, 4});

    @Test
    void standardisesEachFeature() {
        Preprocessor p = new Preprocessor(STANDARDIZER, null);

        assertThat(p.transform(new double[] {3, 10})).containsExactly(1f, 2f);
        assertThat(p.transform(new double[][] {{1, 2}, {-1, -2}}))
                .isDeepEqualTo(new float[][] {{0f, 0f}, {-1f, -1f}});
    }

    @Test
    void imputesMissingValuesBeforeStandardising() {
        Preprocessor p = new Preprocessor(STANDARDIZER, new MedianImputer(new double[] {5, 6}));

        assertThat(p.transform(new double[] {Double.NaN, 2})).containsExactly(2f, 0f);
        assertThat(p.transform(new double[] {3, Double.NaN})).containsExactly(1f, 1f);
    }

    @Test
    void rejectsMissingValueWithoutImputer() {
        Preprocessor p = new Preprocessor(STANDARDIZER, null);

        assertThatThrownBy(() -> p.transform(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value for feature 1");
    }

    @Test
    void rejectsValuesThatOverflowFloat() {
        Preprocessor p = new Preprocessor(STANDARDIZER, null);

        assertThatThrownBy(() -> p.transform(new double[] {1e300, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range for feature 0");
        assertThatThrownBy(() -> p.transform(new double[] {1, Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 1");
    }

    @Test
    void defectNamesWhatTransformRefuses() {
        Preprocessor strict = new Preprocessor(STANDARDIZER, null);
        Preprocessor imputing = new Preprocessor(STANDARDIZER, new MedianImputer(new double[] {5, 6}));
        double floatMax = Float.MAX_VALUE;
        // feature 1: (v - 2) / 4, so 4 * Float.MAX_VALUE is the edge of the float range
        double[] values = {0, -0.0, 1e300, -1e300, 4 * floatMax, 4 * floatMax * 1.0000001, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE};
        for (Preprocessor p : new Preprocessor[] {strict, imputing}) {
            for (double v : values) {
                Preprocessor.Defect defect = p.defect(1, v);
                if (defect == null) {
                    assertThat(p.transform(new double[] {1, v})[1]).as("%s", v).isFinite();
                } else {
                    assertThatThrownBy(() -> p.transform(new double[] {1, v})).as("%s", v)
                            .hasMessage(defect.describe(1));
                }
            }
        }
        assertThat(strict.defect(1, 4 * floatMax)).isNull();
        assertThat(strict.defect(1, 4 * floatMax * 1.0000001)).isEqualTo(Preprocessor.Defect.OUT_OF_RANGE);
        assertThat(strict.defect(0, Double.POSITIVE_INFINITY)).isEqualTo(Preprocessor.Defect.OUT_OF_RANGE);
        assertThat(strict.defect(0, Double.NaN)).isEqualTo(Preprocessor.Defect.MISSING);
        assertThat(imputing.defect(0, Double.NaN)).isNull();
    }

    @Test
    void storedFormRoundTrips() {
        Preprocessor p = new Preprocessor(STANDARDIZER, new MedianImputer(new double[] {5, 6}));

        Preprocessor back = Preprocessing.of(p).toPreprocessor();

        assertThat(back.transform(new double[] {Double.NaN, 10})).containsExactly(p.transform(new double[] {Double.NaN, 10}));
        assertThat(Preprocessing.of(new Preprocessor(STANDARDIZER, null)).imputation()).isEqualTo("none");
    }
}
