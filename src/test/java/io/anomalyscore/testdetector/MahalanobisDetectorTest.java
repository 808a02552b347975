package io.anomalyscore.testdetector;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Component;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.model.detector.DetectorRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test-only detector goes through the real training command, the artifact format and
 * loading with no edit outside its own package and its registry line.
 */
class MahalanobisDetectorTest {

    @Test
    void isFoundByTheRegistry() {
        assertThat(DetectorRegistry.names()).contains(MahalanobisKind.NAME, "autoencoder", "classifier");
        assertThat(DetectorRegistry.get(MahalanobisKind.NAME)).isInstanceOf(MahalanobisKind.class);
    }

    @Test
    void trainsWritesReloadsAndScores(@TempDir Path dir) throws IOException {
        Path version = MahalanobisModel.train(dir);
        ArtifactManifest m = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        assertThat(m.detector()).isEqualTo(MahalanobisKind.NAME);
        assertThat(m.components()).extracting(Component::file, Component::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MahalanobisKind.COMPONENT, "data"),
                        org.assertj.core.groups.Tuple.tuple("report.html", "report"));
        try (var files = Files.list(version)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ModelArtifact.MANIFEST, MahalanobisKind.COMPONENT, "report.html");
        }
        // test-split ROC-AUC of the reloaded artifact; random scores would give about 0.5
        assertThat(m.evaluation().test().rocAuc()).as("test ROC-AUC").isGreaterThan(0.8);
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.explains()).isTrue();
            RecordScore[] s = model.score(new double[][] {new double[21], filled(21, 8.0)}, true);
            assertThat(s[1].score()).isGreaterThan(s[0].score());
            assertThat(s[1].featureErrors()).hasSize(21);
            assertThat(java.util.Arrays.stream(s[1].featureErrors()).allMatch(v -> v >= 0)).isTrue();
        }
    }

    @Test
    void sameSeedGivesTheSameVersion(@TempDir Path dir) throws IOException {
        Path a = MahalanobisModel.train(dir.resolve("a"));
        Path b = MahalanobisModel.train(dir.resolve("b"));
        assertThat(a.getFileName()).isEqualTo(b.getFileName());
    }

    private static double[] filled(int n, double v) {
        double[] row = new double[n];
        java.util.Arrays.fill(row, v);
        return row;
    }
}
