package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Artifacts written before format 2 (fixtures in {@code src/test/resources/fixtures/format1}, see
 * its README) still load, verify and score as the code that wrote them scored them, for every
 * cardio row, within the documented bound: that code ran one {@code 1 x n} forward pass per
 * record on the CPU that wrote the fixtures (an AMD EPYC); scoring now runs fixed-height chunks
 * ({@code NetworkRunner}), whose float kernels round differently, and PyTorch's kernels differ
 * between CPU models too. So: raw score within a relative {@value #SCORE_BOUND} (measured: 1.2e-5
 * for the autoencoder, 3.8e-6 for the classifier, on an Intel Xeon), percentile within the
 * percentiles of that score band, and the same verdict except for a score within that relative band around
 * the threshold.
 */
class Format1CompatibilityTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/format1");

    /** Largest relative difference accepted between a score now and the format-1 code's. */
    static final double SCORE_BOUND = 2e-5;

    @ParameterizedTest
    @ValueSource(strings = {"autoencoder", "classifier"})
    void scoresAsBeforeWithinTheBound(String kind) throws IOException {
        double[][] rows = cardioRows();
        List<String> expected = Files.readAllLines(FIXTURES.resolve(kind + "-expected-scores.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertThat(expected).hasSize(rows.length);
        try (AnomalyModel model = AnomalyModel.load(FIXTURES.resolve(kind), ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().formatVersion()).isEqualTo(1);
            assertThat(model.manifest().detector()).isEqualTo(kind);
            double threshold = model.manifest().calibration().threshold();
            RecordScore[] scores = model.score(rows, true);
            int inBand = 0;
            for (int i = 0; i < rows.length; i++) {
                String[] old = expected.get(i).split(",");
                assertThat(Integer.parseInt(old[0])).isEqualTo(i);
                double score = bits(old[1]);
                assertThat(scores[i].score()).as("row %d", i).isCloseTo(score, within(SCORE_BOUND * Math.abs(score)));
                // the percentile is monotone in the score: it may move as far as the score band lets it
                Calibration calibration = model.manifest().calibration();
                double band = SCORE_BOUND * Math.abs(score);
                assertThat(bits(old[2])).isEqualTo(calibration.percentile(score));
                assertThat(scores[i].percentile()).as("row %d percentile", i).isBetween(
                        calibration.percentile(score - band), calibration.percentile(score + band));
                if (Math.abs(score - threshold) <= SCORE_BOUND * Math.abs(threshold)) {
                    inBand++;
                } else {
                    assertThat(scores[i].anomalous()).as("row %d verdict", i).isEqualTo(Boolean.parseBoolean(old[3]));
                }
                assertThat(scores[i].featureErrors() != null).isEqualTo(!"-".equals(old[4]));
            }
            assertThat(inBand).as("rows within the band around the threshold").isLessThan(rows.length / 100);
            // one row alone scores as inside the batch, bit for bit (BatchIndependenceTest: every row)
            assertThat(model.rawScores(new double[][] {rows[17]})[0]).isEqualTo(scores[17].score());
        }
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"autoencoder", "classifier"})
    void upgradesTheManifestInMemory(String kind) {
        ArtifactManifest m = ModelArtifact.read(FIXTURES.resolve(kind), ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        assertThat(m.components()).extracting(Component::file, Component::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModelArtifact.WEIGHTS, "parameters"));
        assertThat(m.detectorConfig().get("hidden").isArray()).isTrue();
        assertThat(m.evaluation().test()).isNull();
        assertThat(m.evaluation().headlineSplit()).isEqualTo("validation");
        assertThat(m.provenance().testRows()).isZero();
    }

    /** Every row of the bundled cardio CSV in file order, label column dropped. */
    static double[][] cardioRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/data/cardio.csv"));
        int label = Arrays.asList(lines.get(0).split(",")).indexOf("label");
        return lines.stream().skip(1).map(l -> {
            String[] f = l.split(",");
            double[] r = new double[f.length - 1];
            for (int j = 0, k = 0; j < f.length; j++) {
                if (j != label) {
                    r[k++] = Double.parseDouble(f[j]);
                }
            }
            return r;
        }).toArray(double[][]::new);
    }
}
