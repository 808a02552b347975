package io.anomalyscore.bench;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.NativeResources;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.scoring.RecordParser;
import io.anomalyscore.scoring.ScoreRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Soak benchmark (a main, not a test): N invocations of the scoring core in-process (body bytes
 * parsed and validated by {@link RecordParser}, then {@link AnomalyModel#score}), 9 in 10 a single
 * cardio record and 1 in 10 a batch of 10, sampling the process's resident set (VmRSS), the JVM
 * heap and DJL's live arrays every 10,000 invocations. Writes a CSV and prints the growth after
 * warm-up. Run with {@code bench/soak.sh [INVOCATIONS] [CSV]}.
 */
public final class SoakBench {

    private static final int SAMPLE_EVERY = 10_000;

    public static void main(String[] args) throws IOException {
        long invocations = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path csv = Path.of(args.length > 1 ? args[1] : "target/soak.csv");
        long warmup = Math.max(SAMPLE_EVERY, invocations / 10);
        List<double[]> rows = Files.readAllLines(Path.of("src/test/resources/data/cardio.csv")).stream().skip(1)
                .map(l -> Arrays.stream(l.split(",")).limit(21).mapToDouble(Double::parseDouble).toArray())
                .toList();
        byte[][] singles = rows.stream().map(r -> body(r)).toArray(byte[][]::new);
        byte[][] batches = new byte[rows.size() / 10][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = body(rows.subList(b * 10, b * 10 + 10).toArray(double[][]::new));
        }
        try (AnomalyModel model = AnomalyModel.load(Path.of("src/main/resources/default-model"),
                        ModelArtifact.DEFAULT_MAX_BYTES);
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            RecordParser parser = new RecordParser(model.manifest().features(), model.preprocessor(), 1000, 1 << 20);
            out.println("invocations,seconds,rss_kb,heap_used_kb,live_arrays");
            long t0 = System.nanoTime();
            long rssAtWarmup = 0;
            double checksum = 0;
            for (long i = 1; i <= invocations; i++) {
                byte[] body = i % 10 == 0 ? batches[(int) (i / 10 % batches.length)] : singles[(int) (i % singles.length)];
                ScoreRequest request = parser.parse(body);
                checksum += model.score(request.rows(), i % 7 == 0)[0].score();
                if (i % SAMPLE_EVERY == 0) {
                    long rss = rssKb();
                    Runtime rt = Runtime.getRuntime();
                    out.printf("%d,%.2f,%d,%d,%d%n", i, (System.nanoTime() - t0) / 1e9, rss,
                            (rt.totalMemory() - rt.freeMemory()) / 1024, NativeResources.live().arrays());
                    out.flush();
                    if (i == warmup) {
                        rssAtWarmup = rss;
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rssEnd = rssKb();
            System.out.printf("%d invocations in %.1f s (%.1f us each); RSS after %d warm-up invocations %d kB, at the end %d kB:"
                    + " growth %.2f%%; live arrays %d; checksum %.6f%n", invocations, seconds, seconds * 1e6 / invocations,
                    warmup, rssAtWarmup, rssEnd, 100.0 * (rssEnd - rssAtWarmup) / rssAtWarmup,
                    NativeResources.live().arrays(), checksum);
        }
    }

    private static byte[] body(double[]... rows) {
        return ("{\"records\":[" + Arrays.stream(rows).map(Arrays::toString).collect(Collectors.joining(",")) + "]}")
                .replace(" ", "").getBytes(StandardCharsets.UTF_8);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
