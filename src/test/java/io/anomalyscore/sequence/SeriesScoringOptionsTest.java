package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.SeriesAlerts;
import io.anomalyscore.model.StepScore;
import io.anomalyscore.model.detector.sequence.WindowConfig;
import io.anomalyscore.training.SeriesOptions;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series model's {@code --window-error} and {@code --alert} go into its stored config, survive
 * the artifact, and decide the served scores and flags and the stored report.
 */
class SeriesScoringOptionsTest {

    @TempDir
    Path dir;

    private static double[][] rows(double[] values) {
        return Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }

    @Test
    void absoluteErrorAndTheCoveringRuleAreStoredAndServed() throws IOException {
        Path squared = SeriesFixture.train("conv-autoencoder", dir.resolve("squared"));
        Path absolute = SeriesFixture.train("conv-autoencoder", dir.resolve("absolute"), "--window-error", "absolute",
                "--alert", "covering", "--contamination", "0.05");
        double[][] day = rows(SeriesFixture.injected());
        try (AnomalyModel sq = AnomalyModel.load(squared, Long.MAX_VALUE);
                AnomalyModel abs = AnomalyModel.load(absolute, Long.MAX_VALUE)) {
            JsonNode config = abs.manifest().detectorConfig();
            assertThat(config.get("error").asText()).isEqualTo("absolute");
            assertThat(config.get("alert").asText()).isEqualTo("covering");
            assertThat(abs.alertRule()).isEqualTo("covering");
            assertThat(sq.alertRule()).isEqualTo("window");
            assertThat(abs.manifest().provenance().hyperParameters()).containsEntry("windowError", "absolute")
                    .containsEntry("alert", "covering");

            // same seed and data: the same weights, so the two errors are of the same reconstructions
            // and mean |d| <= sqrt(mean d^2), equal only if every |d| is the same
            double[] s = sq.rawSeriesScores(day);
            double[] a = abs.rawSeriesScores(day);
            for (int i = 0; i < s.length; i++) {
                assertThat(a[i]).as("window %d", i).isPositive().isLessThanOrEqualTo(Math.sqrt(s[i]) * (1 + 1e-6));
            }
            assertThat(a).isNotEqualTo(s);

            StepScore[] served = abs.scoreSeries(day, false);
            boolean[] expected = SeriesAlerts.flags(a, abs.manifest().threshold(), "covering", SeriesFixture.WINDOW);
            for (int i = 0; i < served.length; i++) {
                assertThat(served[i].score().anomalous()).as("step %d", served[i].index()).isEqualTo(expected[i]);
            }
            assertThat(SeriesFixture.touchesInjection(Arrays.stream(served).filter(x -> x.score().anomalous())
                    .findFirst().orElseThrow().index())).as("the first covering flag is on the injection").isTrue();

            // the stored report follows the rule on the test segment
            JsonNode report = new ObjectMapper().readTree(absolute.resolve("evaluation.json").toFile());
            assertThat(report.get("alert").asText()).isEqualTo("covering");
            double[] whole = abs.rawSeriesScores(rows(SeriesFixture.values()));
            boolean[] flags = SeriesAlerts.flags(whole, abs.manifest().threshold(), "covering", SeriesFixture.WINDOW);
            int from = SeriesFixture.TRAIN_ROWS;
            int[] labels = SeriesFixture.labels();
            boolean[] detected = new boolean[labels.length - from];
            for (int t = from; t < labels.length; t++) {
                detected[t - from] = flags[t - SeriesFixture.WINDOW + 1];
            }
            PointMetrics test = PointMetrics.of(Arrays.copyOfRange(labels, from, labels.length), detected);
            assertThat(report.get("testSkab").get("farPercent").asDouble()).isEqualTo(test.falseAlarmRate());
            assertThat(report.get("testSkab").get("marPercent").asDouble()).isEqualTo(test.missingAlarmRate());
        }
    }

    @Test
    void aConfigWrittenBeforeTheOptionsMeansSquaredAndWindow() throws IOException {
        JsonNode old = new ObjectMapper().readTree("{\"window\":16,\"stride\":1,\"channels\":1,\"hidden\":[16,8]}");
        WindowConfig config = WindowConfig.of(old);
        assertThat(config.error()).isEqualTo("squared");
        assertThat(config.alert()).isEqualTo("window");
        assertThat(WindowConfig.of(config.with("absolute", "likelihood").toJson()))
                .isEqualTo(config.with("absolute", "likelihood"));
        JsonNode bad = new ObjectMapper().readTree(
                "{\"window\":16,\"stride\":1,\"channels\":1,\"hidden\":[16,8],\"alert\":\"sometimes\"}");
        assertThatThrownBy(() -> WindowConfig.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alert").hasMessageContaining("sometimes");
    }

    @Test
    void theWindowTuningChoosesKeepsTheOtherSeriesOptions() {
        SeriesOptions options = new SeriesOptions(64, 1, "timestamp", null, 400, null, "quantile-factor", 0.999,
                4.0 / 3, "absolute", "covering", true, "last");
        assertThat(options.withWindow(32)).isEqualTo(new SeriesOptions(32, 1, "timestamp", null, 400, null,
                "quantile-factor", 0.999, 4.0 / 3, "absolute", "covering", true, "last"));
        assertThat(options.hyperParameters()).containsEntry("selectWidth", "true").containsEntry("keepWeights", "last");
        assertThat(options.withWindow(32).keepLast()).isTrue();
    }

    @Test
    void unknownValuesAndTabularDetectorsAreRefused() {
        for (List<String> extra : List.of(List.of("--detector", "conv-autoencoder", "--alert", "often"),
                List.of("--detector", "conv-autoencoder", "--window-error", "cubic"),
                List.of("--detector", "autoencoder", "--alert", "covering"),
                List.of("--detector", "conv-autoencoder", "--keep-weights", "first"),
                List.of("--detector", "autoencoder", "--keep-weights", "last"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
            String[] args = Stream.concat(Stream.of("--data", SeriesFixture.CSV, "--output",
                    dir.resolve("refused").toString(), "-q"), extra.stream()).toArray(String[]::new);
            assertThat(TrainCommand.execute(print, print, args)).as(extra.toString()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(extra.toString()).containsAnyOf("--alert",
                    "--window-error", "--keep-weights");
            assertThat(dir.resolve("refused/LATEST")).doesNotExist();
        }
    }
}
