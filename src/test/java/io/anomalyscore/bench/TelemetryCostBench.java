package io.anomalyscore.bench;

import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.scoring.telemetry.Invocation;
import io.anomalyscore.scoring.telemetry.InvocationLine;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cost of the telemetry line (not a test), run by bench/telemetry-cost.sh: (1) per request, the
 * formatting and printing of one JSON+EMF line, in-process; (2) on cold start, fresh processes of
 * the unzipped function.zip under the runtime interface client, timed from process start to the
 * first response, with telemetry on (the Lambda default) and off (ANOMALY_TELEMETRY_JSON=false,
 * ANOMALY_TELEMETRY_METRICS=false), interleaved run by run, DJL cache pre-filled.
 *
 * <p>Arguments: {@code <task-dir> <ric-dir> <djl-cache> <runs>}.
 */
public final class TelemetryCostBench {

    public static void main(String[] args) throws Exception {
        perRequest();
        Path task = Path.of(args[0]).toAbsolutePath();
        Path ric = Path.of(args[1]).toAbsolutePath();
        Path cache = Path.of(args[2]).toAbsolutePath();
        int runs = Integer.parseInt(args[3]);
        String event = Files.readString(SamTemplate.projectRoot().resolve("deploy/events/direct-valid.json"));
        SamTemplate template = SamTemplate.load();
        Files.createDirectories(cache);
        coldStart(task, ric, template, cache, event, true); // fills the DJL cache; discarded
        List<Long> on = new ArrayList<>();
        List<Long> off = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            on.add(coldStart(task, ric, template, cache, event, true));
            off.add(coldStart(task, ric, template, cache, event, false));
        }
        System.out.printf("cold start, start -> first response (ms), N=%d: telemetry on median %d (%d-%d), "
                + "off median %d (%d-%d), on/off %.3f%n", runs, median(on), min(on), max(on), median(off), min(off),
                max(off), (double) median(on) / median(off));
    }

    private static void perRequest() {
        InvocationLine format = new InvocationLine("AnomalyScorer");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        int n = 200_000;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink.println(format.json(new Invocation("9ca837ac-9e12-45a0-a752-" + i, "cardio", "dabd92c4b239974c",
                        "autoencoder", Invocation.Outcome.SCORED, 2, 1, 1.652, System.currentTimeMillis())));
            }
            System.out.printf("per request, format + print one JSON/EMF line: %.2f us (round %d, %d lines)%n",
                    (System.nanoTime() - start) / 1e3 / n, round + 1, n);
        }
    }

    private static long coldStart(Path task, Path ric, SamTemplate template, Path cache, String event, boolean on)
            throws Exception {
        Map<String, String> env = PackagedFunction.functionEnvironment(template, cache);
        env.put("ANOMALY_TELEMETRY_JSON", Boolean.toString(on));
        env.put("ANOMALY_TELEMETRY_METRICS", Boolean.toString(on));
        Path log = Files.createTempFile("telemetry-bench-", ".log");
        long start = System.nanoTime();
        try (PackagedFunction f = PackagedFunction.start(List.of(), task, ric, template.handler(), env, log)) {
            if (f.invoke(event).statusCode() != 200) {
                throw new IllegalStateException("the function failed: see " + log);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static long median(List<Long> v) {
        List<Long> s = v.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static long min(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long max(List<Long> v) {
        return v.stream().mapToLong(Long::longValue).max().orElseThrow();
    }
}
