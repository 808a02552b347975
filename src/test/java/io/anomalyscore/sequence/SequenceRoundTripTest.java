package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.StepScore;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.report.ReportContents;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each window detector trains through the real command, its artifact reloads into a model that
 * scores a series one result per full window, and it finds an injected anomaly that random scores
 * would not.
 */
class SequenceRoundTripTest {

    @TempDir
    Path repository;

    /** The stored report's test-segment F1 / FAR / MAR, recomputed from the reloaded model's scores. */
    private static void checkReport(Path version, AnomalyModel model) throws java.io.IOException {
        JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(version.resolve("evaluation.json").toFile());
        double[][] all = Arrays.stream(SeriesFixture.values()).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
        double[] windows = model.rawSeriesScores(all);
        int from = SeriesFixture.TRAIN_ROWS;
        boolean[] detected = new boolean[all.length - from];
        for (int t = from; t < all.length; t++) {
            detected[t - from] = windows[t - SeriesFixture.WINDOW + 1] >= model.manifest().threshold();
        }
        PointMetrics test = PointMetrics.of(Arrays.copyOfRange(SeriesFixture.labels(), from, all.length), detected);
        assertThat(report.get("testSkab").get("f1").asDouble()).isEqualTo(test.f1());
        assertThat(report.get("testSkab").get("farPercent").asDouble()).isEqualTo(test.falseAlarmRate());
        assertThat(report.get("testSkab").get("marPercent").asDouble()).isEqualTo(test.missingAlarmRate());
        assertThat(report.get("seriesNab").get("standard").isNumber()).isTrue();
        assertThat(model.manifest().evaluation().test().f1()).isCloseTo(test.f1(),
                org.assertj.core.api.Assertions.within(1e-12));
    }

    /** The page shows the step plot, the loss curve and the manifest's numbers. */
    private static void checkHtmlReport(Path version, io.anomalyscore.model.ArtifactManifest manifest) {
        ReportContents report = ReportContents.read(version.resolve("report.html"));
        assertThat(report.parseErrors()).isZero();
        assertThat(report.charts()).containsKeys("chart-series", "chart-loss", "chart-histogram",
                "chart-contributions");
        assertThat(report.page().select("#dataset th").eachText()).contains("steps read", "windows fitted");
        report.assertNumbersEqual(manifest);
        report.assertSelfContained();
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv-autoencoder", "lstm-autoencoder", "transformer-autoencoder"})
    void trainsReloadsAndFindsTheInjectedAnomaly(String detector) throws java.io.IOException {
        Path version = SeriesFixture.train(detector, repository);
        try (AnomalyModel model = AnomalyModel.load(version, Long.MAX_VALUE)) {
            JsonNode config = model.manifest().detectorConfig();
            assertThat(config.get("window").asInt()).isEqualTo(SeriesFixture.WINDOW);
            assertThat(config.get("stride").asInt()).isEqualTo(2);
            assertThat(config.get("channels").asInt()).isEqualTo(1);
            assertThat(model.manifest().features()).containsExactly("value");
            assertThat(model.input()).isEqualTo(InputShape.window(SeriesFixture.WINDOW, 1));
            assertThat(model.manifest().provenance().trainingRows()).isEqualTo(SeriesFixture.TRAIN_ROWS);
            assertThat(model.manifest().evaluation().test().rows()).isEqualTo(4032 - SeriesFixture.TRAIN_ROWS);
            checkReport(version, model);
            checkHtmlReport(version, model.manifest());

            double[][] rows = Arrays.stream(SeriesFixture.injected()).mapToObj(v -> new double[] {v})
                    .toArray(double[][]::new);
            StepScore[] steps = model.scoreSeries(rows, true);
            assertThat(steps).hasSize(rows.length - SeriesFixture.WINDOW + 1);
            assertThat(steps[0].index()).isEqualTo(SeriesFixture.WINDOW - 1);
            assertThat(steps[steps.length - 1].index()).isEqualTo(rows.length - 1);
            assertThat(steps[0].score().featureErrors()).hasSize(1);
            double[] scores = Arrays.stream(steps).mapToDouble(s -> s.score().score()).toArray();
            assertThat(model.rawSeriesScores(rows)).containsExactly(scores);
            for (int i = 0; i < steps.length; i += 7) {
                double[][] alone = Arrays.copyOfRange(rows, i, i + SeriesFixture.WINDOW);
                assertThat(model.scoreSeries(alone, false)[0].score().score()).as("window %d alone", i)
                        .isCloseTo(scores[i], org.assertj.core.api.Assertions.withinPercentage(0.01));
            }
            assertThat(SeriesFixture.injectionAuc(scores)).as("ROC-AUC of the injected windows").isGreaterThan(0.9);
            StepScore top = Arrays.stream(steps).max(java.util.Comparator.comparingDouble(s -> s.score().score()))
                    .orElseThrow();
            assertThat(SeriesFixture.touchesInjection(top.index())).as("the top window %d", top.index()).isTrue();
            assertThat(top.score().percentile()).isGreaterThan(0.99);
        }
    }
}
