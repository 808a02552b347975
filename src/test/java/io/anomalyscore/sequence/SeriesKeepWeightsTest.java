package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --keep-weights}: after early stopping a window detector publishes the weights of the
 * epoch with the lowest early-stopping loss ({@code best}, the default) or of the last epoch run
 * ({@code last}, as Keras' {@code EarlyStopping} leaves them).
 */
class SeriesKeepWeightsTest {

    private static final Pattern EPOCH = Pattern.compile("epoch +\\d+/\\d+ +train loss [0-9.]+ +validation loss ([0-9.]+)");

    @TempDir
    Path dir;

    /** Trains, returns the printed validation losses per epoch and the published model's early-stopping loss. */
    private double[] train(String keep, List<Double> losses) throws IOException {
        Path out = dir.resolve(keep);
        String[] args = Stream.of("--data", SeriesFixture.CSV, "--time", "timestamp", "--features", "value", "--label",
                "label", "--detector", "conv-autoencoder", "--window", Integer.toString(SeriesFixture.WINDOW), "--stride",
                "2", "--train-rows", Integer.toString(SeriesFixture.TRAIN_ROWS), "--validation-fraction", "0",
                "--epochs", "12", "--patience", "3", "--learning-rate", "0.02", "--keep-weights", keep, "--output",
                out.toString()).toArray(String[]::new);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        assertThat(TrainCommand.execute(print, print, args)).as(log.toString(StandardCharsets.UTF_8)).isZero();
        Matcher m = EPOCH.matcher(log.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            losses.add(Double.parseDouble(m.group(1)));
        }
        Path version = out.resolve(Files.readString(out.resolve("LATEST")).strip());
        double[][] rows = Arrays.stream(SeriesFixture.values()).limit(SeriesFixture.TRAIN_ROWS)
                .mapToObj(v -> new double[] {v}).toArray(double[][]::new);
        try (AnomalyModel model = AnomalyModel.load(version, Long.MAX_VALUE)) {
            assertThat(model.manifest().provenance().epochsRun()).isEqualTo(losses.size());
            int windows = (SeriesFixture.TRAIN_ROWS - SeriesFixture.WINDOW) / 2 + 1;
            int from = (int) Math.ceil(windows * 0.9);
            double[] scores = model.rawSeriesScores(rows);
            double sum = 0;
            for (int k = from; k < windows; k++) {
                sum += scores[2 * k];
            }
            return new double[] {sum / (windows - from), model.manifest().provenance().bestEpoch(),
                model.manifest().provenance().hyperParameters().containsKey("keepWeights") ? 1 : 0};
        }
    }

    @Test
    void bestKeepsTheLowestEarlyStoppingLossAndLastTheLastEpoch() throws IOException {
        List<Double> bestLosses = new ArrayList<>();
        double[] best = train("best", bestLosses);
        List<Double> lastLosses = new ArrayList<>();
        double[] last = train("last", lastLosses);
        assertThat(lastLosses).as("the same seed: the same epochs").isEqualTo(bestLosses);
        double lowest = bestLosses.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double final_ = lastLosses.get(lastLosses.size() - 1);
        Assumptions.assumeTrue(final_ > lowest * 1.01, "the last epoch was also the best: nothing to tell apart");
        assertThat(best[0]).isCloseTo(lowest, within(1e-5 + 1e-4 * lowest));
        assertThat(last[0]).isCloseTo(final_, within(1e-5 + 1e-4 * final_));
        assertThat(best[1]).isEqualTo(bestLosses.indexOf(lowest) + 1);
        assertThat(last[1]).as("bestEpoch records the kept epoch").isEqualTo(lastLosses.size());
        assertThat(best[2]).isZero();
        assertThat(last[2]).isOne();
    }
}
