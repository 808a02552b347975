package io.anomalyscore.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.DetectorEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page on its own, without training: the curves drawn are those whose areas the manifest
 * states, the tuning trials a search records in {@code provenance.tuning} become a table, and a
 * detector without epochs says so instead of drawing a loss curve.
 */
class ReportPageTest {

    private static final Path DEFAULT_MODEL = Path.of("src/main/resources/default-model");

    @Test
    void theDrawnRocCurveHasTheAreaTheEvaluatorReports() {
        Random random = new Random(3);
        double[] scores = new double[400];
        int[] labels = new int[400];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = i % 7 == 0 ? 1 : 0;
            // rounded to one decimal: many ties, which both sides must treat alike
            scores[i] = Math.round((random.nextGaussian() + 1.5 * labels[i]) * 10) / 10.0;
        }
        Curves curves = Curves.of(scores, labels);
        double area = 0;
        double ap = 0;
        for (int i = 1; i < curves.falsePositiveRate().length; i++) {
            double dx = curves.falsePositiveRate()[i] - curves.falsePositiveRate()[i - 1];
            area += dx * (curves.truePositiveRate()[i] + curves.truePositiveRate()[i - 1]) / 2;
            ap += (curves.truePositiveRate()[i] - curves.truePositiveRate()[i - 1]) * curves.precision()[i];
        }
        assertThat(area).isCloseTo(DetectorEvaluator.rocAuc(scores, labels), within(1e-12));
        assertThat(ap).isCloseTo(DetectorEvaluator.averagePrecision(scores, labels), within(1e-12));
        assertThat(Curves.of(scores, new int[scores.length])).as("one class only").isNull();
    }

    @Test
    void rendersTheTuningTrialsOfTheManifest() throws Exception {
        ArtifactManifest manifest = ModelArtifact.read(DEFAULT_MODEL, Long.MAX_VALUE).manifest();
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ModelArtifact.toJson(manifest));
        JsonNode tuning = json.readTree("""
                {"objective": "validation PR-AUC", "best": 2, "trials": [
                  {"trial": 1, "parameters": {"learningRate": 0.001, "hidden": "64,32,64"}, "objective": 0.61,
                   "epochs": 40, "seconds": 3.1},
                  {"trial": 2, "parameters": {"learningRate": 0.003, "hidden": "32,8,32"}, "objective": 0.73,
                   "epochs": 25, "seconds": 2.4},
                  {"trial": 3, "parameters": {"learningRate": 0.01, "batchSize": 128}, "objective": 0.58,
                   "epochs": 12, "seconds": 1.2}]}""");
        ((ObjectNode) tree.get("provenance")).set("tuning", tuning);

        ReportContents report = ReportContents.parse(ReportPage.render(manifest, tree, figures(List.of())));

        assertThat(report.parseErrors()).isZero();
        Element section = report.page().selectFirst("#tuning");
        assertThat(section).isNotNull();
        assertThat(section.select("h2").text()).isEqualTo("Tuning trials");
        assertThat(section.text()).contains("validation PR-AUC", "3 trials", "trial 2");
        assertThat(section.select("thead th").eachText()).containsExactly("trial", "learningRate", "hidden",
                "batchSize", "objective", "epochs");
        assertThat(section.select("tbody tr")).hasSize(3);
        assertThat(section.select("tr.best th").text()).isEqualTo("2 (best)");
        assertThat(report.value("tuning.trial1.objective")).isEqualTo(0.61);
        assertThat(report.value("tuning.trial2.objective")).isEqualTo(0.73);
        assertThat(section.select("tbody tr").get(2).select("td").stream().map(Element::text).toList())
                .containsExactly("0.01", "", "128", "0.5800", "12");

        ReportContents without = ReportContents.parse(ReportPage.render(manifest, figures(List.of())));
        assertThat(without.page().select("#tuning")).isEmpty();
    }

    @Test
    void aDetectorWithoutEpochsSaysSoAndTheNumbersStillMatch() throws Exception {
        ArtifactManifest manifest = ModelArtifact.read(DEFAULT_MODEL, Long.MAX_VALUE).manifest();
        ReportContents report = ReportContents.parse(ReportPage.render(manifest, figures(List.of())));
        assertThat(report.page().select("#loss").text()).contains("not trained by epochs", "no loss curve");
        assertThat(report.charts()).containsOnlyKeys("chart-histogram", "chart-roc", "chart-pr",
                "chart-contributions");
        report.assertNumbersEqual(manifest);
        report.assertSelfContained();
    }

    /** Figures of the default model's test split as the manifest counts it: made-up scores, real counts. */
    private static ReportFigures figures(List<EpochLoss> losses) throws Exception {
        ArtifactManifest manifest = ModelArtifact.read(DEFAULT_MODEL, Long.MAX_VALUE).manifest();
        int rows = manifest.evaluation().test().rows();
        int anomalies = manifest.evaluation().test().anomalies();
        double[] scores = new double[rows];
        int[] labels = new int[rows];
        Random random = new Random(1);
        for (int i = 0; i < rows; i++) {
            labels[i] = i < anomalies ? 1 : 0;
            scores[i] = Math.exp(random.nextGaussian() + 2 * labels[i]);
        }
        return new ReportFigures(losses, "test", scores, labels,
                List.of(new FeatureShare("f6", 0.5), new FeatureShare("f1", 0.3), new FeatureShare("f2", 0.2)),
                "Made up for the test.", null);
    }
}
