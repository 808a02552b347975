package io.anomalyscore.model.detector.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Component;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.report.ReportContents;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.model.detector.DetectorRegistry;
import io.anomalyscore.training.DetectorEvaluator;
import io.anomalyscore.training.TabularData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deep isolation forest trains by default without labels, round-trips through the artifact,
 * scores records independently of each other, reproduces with the same seed and separates
 * cardio's anomalies far better than chance.
 */
class DeepIsolationForestTest {

    @TempDir
    static Path dir;
    static Path version;
    static TabularData cardio;

    @BeforeAll
    static void train() throws IOException {
        version = ForestModels.train(dir.resolve("a"), 7);
        cardio = ForestModels.cardio();
    }

    @Test
    void isTheDefaultWithoutLabels() throws IOException {
        assertThat(DetectorRegistry.get(DeepIsolationForestKind.NAME).supervised()).isFalse();
        ArtifactManifest m = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        assertThat(m.detector()).isEqualTo(DeepIsolationForestKind.NAME);
        assertThat(m.provenance().labelColumn()).isNull();
        assertThat(ForestConfig.of(m.detectorConfig())).isEqualTo(DeepIsolationForestKind.DEFAULTS);
        assertThat(m.components()).extracting(Component::file, Component::role).containsExactlyInAnyOrder(
                Tuple.tuple(ForestFitter.PARAMETERS, "parameters"), Tuple.tuple(ForestFitter.FOREST, "data"),
                Tuple.tuple("report.html", "report"));
        try (var files = Files.list(version)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ModelArtifact.MANIFEST,
                    ForestFitter.PARAMETERS, ForestFitter.FOREST, "report.html");
        }
    }

    @Test
    void separatesCardioAnomaliesFarBetterThanChance() throws IOException {
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            double[] scores = model.rawScores(cardio.rows());
            // random scores give about 0.5 (above 0.56 with probability < 1e-3 for 176 anomalies);
            // the forest reaches about 0.93, the contaminated autoencoder about 0.72
            assertThat(DetectorEvaluator.rocAuc(scores, cardio.labels())).isGreaterThan(0.85);
            assertThat(DetectorEvaluator.averagePrecision(scores, cardio.labels())).isGreaterThan(0.35);
        }
    }

    @Test
    void itsReportHasNoLossCurveAndWithoutLabelsNoCurves() throws IOException {
        ArtifactManifest m = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        ReportContents report = ReportContents.read(version.resolve("report.html"));
        assertThat(report.parseErrors()).isZero();
        assertThat(report.page().select("#loss").text()).contains("not trained by epochs", "no loss curve");
        // no labels: the histogram of the training scores and the occlusion shares, no ROC, PR or confusion
        assertThat(report.charts()).containsOnlyKeys("chart-histogram", "chart-contributions");
        assertThat(report.page().select("#contributions p").text()).startsWith("Occlusion");
        report.assertNumbersEqual(m);
        report.assertSelfContained();
    }

    @Test
    void scoresEachRecordAloneAndHasNoAttributions() throws IOException {
        double[][] rows = Arrays.copyOf(cardio.rows(), 40);
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.explains()).isFalse();
            RecordScore[] together = model.score(rows, true);
            for (int i = 0; i < rows.length; i++) {
                RecordScore alone = model.score(new double[][] {rows[i]}, true)[0];
                assertThat(alone.score()).isEqualTo(together[i].score());
                assertThat(alone.score()).isBetween(0.0, 1.0);
                assertThat(alone.featureErrors()).isNull();
            }
        }
    }

    @Test
    void sameSeedGivesTheSameVersionAndScores() throws IOException {
        Path again = ForestModels.train(dir.resolve("b"), 7);
        Path other = ForestModels.train(dir.resolve("c"), 8);
        assertThat(again.getFileName()).isEqualTo(version.getFileName());
        assertThat(other.getFileName()).isNotEqualTo(version.getFileName());
        try (AnomalyModel a = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES);
                AnomalyModel b = AnomalyModel.load(again, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(b.rawScores(cardio.rows())).containsExactly(a.rawScores(cardio.rows()));
        }
    }

    @Test
    void rejectsHiddenLayers() {
        assertThatThrownBy(() -> ForestModels.train(dir.resolve("d"), 7, "--hidden", "8,4"))
                .hasMessageContaining("--hidden does not apply to deep-isolation-forest");
    }

    @Test
    void treeIsolatesAnOutlierSoonerThanAnInlier() {
        Random random = new Random(3);
        float[][] rows = new float[256][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
        }
        double inlier = 0;
        double outlier = 0;
        for (int t = 0; t < 50; t++) {
            IsolationTree tree = new IsolationTreeGrower(rows, 0, random).grow();
            inlier += tree.pathLength(new float[] {0, 0});
            outlier += tree.pathLength(new float[] {6, -6});
        }
        assertThat(outlier).isLessThan(inlier / 2);
    }
}
