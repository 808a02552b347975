package io.anomalyscore.bench;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.CsvDataReader;
import io.anomalyscore.training.TabularData;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speed of a detector kind (not a test; run by {@code bench/forest-speed}): trains it without labels
 * on each CSV given, one PyTorch thread, and reports the training wall time, the artifact's size and,
 * in process, the per-record scoring latency percentiles of {@link AnomalyModel#score} called with one
 * record at a time (warm-up first, then every row of the CSV in turn, repeatedly).
 *
 * <p>Arguments: {@code <detector> <work-dir> <csv>...}.
 */
public final class ForestSpeedBench {

    private static final int WARMUP_CALLS = 5_000;
    private static final int TIMED_CALLS = 20_000;

    private ForestSpeedBench() {}

    public static void main(String[] args) throws IOException {
        EngineSettings.apply(1, 1);
        String detector = args[0];
        Path work = Path.of(args[1]);
        for (String csv : Arrays.copyOfRange(args, 2, args.length)) {
            measure(detector, work, Path.of(csv));
        }
    }

    private static void measure(String detector, Path work, Path csv) throws IOException {
        TabularData data;
        try (InputStream in = Files.newInputStream(csv)) {
            data = new CsvDataReader("label", List.of(), false).read(in, csv.toString());
        }
        String name = csv.getFileName().toString().replace(".csv", "");
        Path output = work.resolve(name + "-" + detector);
        long start = System.nanoTime();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = TrainCommand.execute(new PrintStream(log, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8), "--data", csv.toString(), "--features",
                String.join(",", data.features()), "--detector", detector, "--output", output.toString(), "-q");
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("training failed: " + log.toString(StandardCharsets.UTF_8));
        }
        Path version = output.resolve(Files.readString(output.resolve("LATEST")).strip());
        long bytes;
        try (var files = Files.list(version)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        long[] nanos = new long[TIMED_CALLS];
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            double[][] rows = data.rows();
            for (int i = 0; i < WARMUP_CALLS; i++) {
                model.score(new double[][] {rows[i % rows.length]}, false);
            }
            for (int i = 0; i < TIMED_CALLS; i++) {
                double[][] one = {rows[i % rows.length]};
                long t = System.nanoTime();
                model.score(one, false);
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "{\"dataset\": \"%s\", \"detector\": \"%s\", \"rows\": %d, \"features\": %d,"
                + " \"train_seconds\": %.2f, \"artifact_bytes\": %d, \"score_p50_us\": %.1f, \"score_p99_us\": %.1f}%n",
                name, detector, data.size(), data.features().size(), trainSeconds, bytes,
                nanos[TIMED_CALLS / 2] / 1e3, nanos[TIMED_CALLS * 99 / 100] / 1e3);
    }
}
