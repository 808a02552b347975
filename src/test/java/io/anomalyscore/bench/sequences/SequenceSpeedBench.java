package io.anomalyscore.bench.sequences;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * bench/speed {@code --only sequence}: in-process scoring speed of each window detector, one
 * thread: one 64-step window of one channel (p50 / p99 of {@code scoreSeries} on 64 steps) and a
 * 1,000-step series scored in one call (937 windows). The models are trained for two epochs on
 * the bundled NAB series: speed does not depend on the weights' values.
 */
public final class SequenceSpeedBench {

    private SequenceSpeedBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int singles = quick ? 500 : 5000;
        int series = quick ? 5 : 30;
        double[] values = Files.readAllLines(Path.of("src/test/resources/series/art_daily_jumpsup.csv")).stream()
                .skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        double[][] window = rows(values, 64);
        double[][] thousand = rows(values, 1000);
        System.out.println("| detector | one 64-step window, p50 | p99 | 1,000-step series (937 windows), median time"
                + " | steps/s (1,000 / time) | windows/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (String detector : SequenceBench.DETECTORS) {
            try (AnomalyModel model = AnomalyModel.load(train(detector), Long.MAX_VALUE)) {
                double[] single = time(model, window, singles, singles / 5);
                double[] batch = time(model, thousand, series, 3);
                double median = batch[batch.length / 2];
                System.out.printf(Locale.ROOT, "| %s | %.0f µs | %.0f µs | %.1f ms | %.0f | %.0f |%n", detector,
                        single[single.length / 2] / 1e3, single[(int) (single.length * 0.99)] / 1e3, median / 1e6,
                        1000 / (median / 1e9), 937 / (median / 1e9));
            }
        }
    }

    private static double[][] rows(double[] values, int n) {
        return Arrays.stream(Arrays.copyOf(values, n)).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }

    /** Sorted nanoseconds of {@code n} calls after {@code warmup} unmeasured ones. */
    private static double[] time(AnomalyModel model, double[][] rows, int n, int warmup) {
        for (int i = 0; i < warmup; i++) {
            model.scoreSeries(rows, false);
        }
        double[] nanos = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            model.scoreSeries(rows, false);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static Path train(String detector) throws Exception {
        Path repository = Files.createTempDirectory("speed-" + detector + "-");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int exit = TrainCommand.execute(print, print, "--data", "src/test/resources/series/art_daily_jumpsup.csv",
                "--time", "timestamp", "--features", "value", "--detector", detector, "--window", "64",
                "--train-rows", "1000", "--epochs", "2", "--output", repository.toString(), "-q");
        if (exit != 0) {
            throw new IllegalStateException(log.toString(StandardCharsets.UTF_8));
        }
        return repository.resolve(Files.readString(repository.resolve("LATEST")).strip());
    }
}
