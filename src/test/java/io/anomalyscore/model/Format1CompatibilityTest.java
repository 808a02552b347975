package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Artifacts written before format 2 (fixtures in {@code src/test/resources/fixtures/format1}, see
 * its README) still load, verify and score bit for bit as the code that wrote them scored them:
 * raw score, percentile, verdict and attributions, for every cardio row.
 */
class Format1CompatibilityTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/format1");

    @ParameterizedTest
    @ValueSource(strings = {"autoencoder", "classifier"})
    void scoresBitForBitAsBefore(String kind) throws IOException {
        double[][] rows = cardioRows();
        List<String> expected = Files.readAllLines(FIXTURES.resolve(kind + "-expected-scores.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertThat(expected).hasSize(rows.length);
        try (AnomalyModel model = AnomalyModel.load(FIXTURES.resolve(kind), ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().formatVersion()).isEqualTo(1);
            assertThat(model.manifest().detector()).isEqualTo(kind);
            RecordScore[] scores = model.score(rows, true);
            for (int i = 0; i < rows.length; i++) {
                assertThat(line(i, scores[i])).as("row %d", i).isEqualTo(expected.get(i));
            }
            // one row alone scores as inside the batch
            assertThat(model.rawScores(new double[][] {rows[17]})[0]).isEqualTo(scores[17].score());
        }
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

    private static String line(int row, RecordScore s) {
        String attributions = "-";
        if (s.featureErrors() != null) {
            long h = 0;
            for (double e : s.featureErrors()) {
                h = h * 31 + Double.doubleToRawLongBits(e);
            }
            attributions = Long.toHexString(h);
        }
        return row + "," + Long.toHexString(Double.doubleToRawLongBits(s.score())) + ","
                + Long.toHexString(Double.doubleToRawLongBits(s.percentile())) + "," + s.anomalous() + ","
                + attributions;
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
