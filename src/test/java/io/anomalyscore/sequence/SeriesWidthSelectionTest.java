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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --select-width}: the detector is fitted at 1, 2 and 4 times its default widths and the
 * fit with the lowest mean squared error on the early-stopping windows is published.
 */
class SeriesWidthSelectionTest {

    private static final Pattern WIDTH = Pattern.compile("width \\[(\\d+), (\\d+)\\]: early-stopping windows' mean"
            + " squared error ([0-9.]+)");

    @TempDir
    Path dir;

    private static String[] args(Path output, String... extra) {
        return Stream.concat(Stream.of("--data", SeriesFixture.CSV, "--time", "timestamp", "--features", "value",
                "--label", "label", "--detector", "conv-autoencoder", "--window", Integer.toString(SeriesFixture.WINDOW),
                "--stride", "2", "--train-rows", Integer.toString(SeriesFixture.TRAIN_ROWS), "--validation-fraction",
                "0", "--epochs", "8", "--patience", "8", "--output", output.toString()), Stream.of(extra))
                .toArray(String[]::new);
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = TrainCommand.execute(print, print, args);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }

    private static Path latest(Path repository) throws IOException {
        return repository.resolve(Files.readString(repository.resolve("LATEST")).strip());
    }

    @Test
    void keepsTheWidthWhoseEarlyStoppingWindowsItReconstructsBest() throws IOException {
        String log = run(args(dir.resolve("selected"), "--select-width"));
        Map<List<Integer>, Double> losses = new LinkedHashMap<>();
        Matcher m = WIDTH.matcher(log);
        while (m.find()) {
            losses.put(List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    Double.parseDouble(m.group(3)));
        }
        assertThat(losses.keySet()).as(log).containsExactly(List.of(16, 8), List.of(32, 16), List.of(64, 32));
        List<Integer> best = losses.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(log).contains("kept width " + best);

        double[][] rows = Arrays.stream(SeriesFixture.values()).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
        double[][] training = Arrays.copyOfRange(rows, 0, SeriesFixture.TRAIN_ROWS);
        // the early-stopping windows: the last tenth of the training windows (stride 2)
        int windows = (SeriesFixture.TRAIN_ROWS - SeriesFixture.WINDOW) / 2 + 1;
        int keep = (int) Math.ceil(windows * 0.9);
        try (AnomalyModel selected = AnomalyModel.load(latest(dir.resolve("selected")), Long.MAX_VALUE)) {
            assertThat(selected.manifest().detectorConfig().get("hidden").toString())
                    .isEqualTo(best.toString().replace(" ", ""));
            assertThat(selected.manifest().provenance().hyperParameters()).containsEntry("selectWidth", "true");
            double[] kept = selected.rawSeriesScores(rows);
            for (Map.Entry<List<Integer>, Double> candidate : losses.entrySet()) {
                String hidden = candidate.getKey().get(0) + "," + candidate.getKey().get(1);
                Path fixed = dir.resolve("fixed-" + candidate.getKey().get(0));
                run(args(fixed, "--hidden", hidden, "-q"));
                try (AnomalyModel model = AnomalyModel.load(latest(fixed), Long.MAX_VALUE)) {
                    // the printed loss is the fixed-width model's mean squared error on those windows
                    double[] scores = model.rawSeriesScores(training);
                    double sum = 0;
                    for (int k = keep; k < windows; k++) {
                        sum += scores[2 * k];
                    }
                    assertThat(sum / (windows - keep)).as(hidden).isCloseTo(candidate.getValue(),
                            within(1e-5 + 1e-4 * candidate.getValue()));
                    if (candidate.getKey().equals(best)) {
                        assertThat(model.rawSeriesScores(rows)).as("the published fit is the kept candidate's")
                                .containsExactly(kept, within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void refusedWithExplicitWidthsOrATabularDetector() {
        List<List<String>> refused = new ArrayList<>();
        refused.add(List.of("--select-width", "--hidden", "16,8"));
        for (List<String> extra : refused) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
            String[] args = Stream.concat(Stream.of(args(dir.resolve("refused"), "-q")), extra.stream())
                    .toArray(String[]::new);
            assertThat(TrainCommand.execute(print, print, args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("--select-width");
            assertThat(dir.resolve("refused/LATEST")).doesNotExist();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(TrainCommand.execute(print, print, "--data", SeriesFixture.CSV, "--label", "label", "--detector",
                "autoencoder", "--select-width", "--output", dir.resolve("tabular").toString(), "-q")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--select-width");
    }
}
