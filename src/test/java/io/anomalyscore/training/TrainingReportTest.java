package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Component;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.Sha256;
import io.anomalyscore.report.ReportContents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run writes {@code report.html} into its artifact: listed with its sha256 as a
 * {@code report} component, verified on load, valid HTML with every chart a decodable PNG, and
 * the manifest's numbers; {@code --report PATH} copies it, {@code --no-report} leaves it out.
 */
class TrainingReportTest {

    @TempDir
    static Path dir;

    private static Path version;
    private static ArtifactManifest manifest;

    @BeforeAll
    static void trainOnce() throws IOException {
        version = ArtifactRoundTripTest.train(dir.resolve("repo"), "--label", "label", "--epochs", "3",
                "--report", dir.resolve("copies/cardio.html").toString());
        manifest = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
    }

    @Test
    void theManifestListsTheReportWithItsSha256() throws IOException {
        byte[] html = Files.readAllBytes(version.resolve("report.html"));
        assertThat(manifest.component("report.html")).contains(new Component("report.html", "report", Sha256.of(html)));
        assertThat(Component.ROLES).contains("report");
    }

    @Test
    void aChangedReportFailsVerification(@TempDir Path copy) throws IOException {
        for (String file : ModelArtifact.listedFiles(Files.readAllBytes(version.resolve(ModelArtifact.MANIFEST)))) {
            Files.copy(version.resolve(file), copy.resolve(file));
        }
        Files.writeString(copy.resolve("report.html"), "<p>edited</p>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelArtifact.read(copy, Long.MAX_VALUE))
                .hasMessageContaining("sha256 mismatch for report.html");
    }

    @Test
    void isHtmlWithEveryChartAndNoScript() {
        ReportContents report = ReportContents.read(version.resolve("report.html"));
        assertThat(report.parseErrors()).as("HTML5 parse errors").isZero();
        assertThat(report.page().title()).isEqualTo("Training report: cardio");
        assertThat(report.charts()).containsOnlyKeys("chart-loss", "chart-histogram", "chart-roc", "chart-pr",
                "chart-contributions");
        assertThat(report.charts().values()).allSatisfy(png -> assertThat(png.getWidth()).isGreaterThan(400));
        report.assertSelfContained();
        assertThat(report.page().select("#loss p").text()).contains(manifest.provenance().epochsRun() + " epochs run");
        assertThat(report.page().select("#tuning")).isEmpty();
        assertThat(report.page().select("#contributions tr th[scope=row]")).hasSize(10);
    }

    @Test
    void itsNumbersAreTheManifests() {
        ReportContents.read(version.resolve("report.html")).assertNumbersEqual(manifest);
    }

    @Test
    void reportPathWritesTheSameBytesElsewhere() throws IOException {
        assertThat(Files.readAllBytes(dir.resolve("copies/cardio.html")))
                .isEqualTo(Files.readAllBytes(version.resolve("report.html")));
    }

    @Test
    void noReportLeavesItOut() throws IOException {
        Path without = ArtifactRoundTripTest.train(dir.resolve("none"), "--label", "label", "--epochs", "1",
                "--no-report");
        assertThat(Files.exists(without.resolve("report.html"))).isFalse();
        assertThat(ModelArtifact.read(without, Long.MAX_VALUE).manifest().component("report.html")).isEmpty();

        Path elsewhere = dir.resolve("only-here.html");
        Path only = ArtifactRoundTripTest.train(dir.resolve("only"), "--label", "label", "--epochs", "1",
                "--no-report", "--report", elsewhere.toString());
        assertThat(Files.exists(only.resolve("report.html"))).isFalse();
        assertThat(ModelArtifact.read(only, Long.MAX_VALUE).manifest().component("report.html")).isEmpty();
        ReportContents.read(elsewhere).assertNumbersEqual(ModelArtifact.read(only, Long.MAX_VALUE).manifest());
    }
}
