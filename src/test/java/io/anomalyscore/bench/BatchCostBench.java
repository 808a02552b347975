package io.anomalyscore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.deploy.DistributedMapBatches;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-batch duration of the packaged function (not a test), for the batch-scoring cost estimate
 * (deploy/README.md, section 11): a warm function under the AWS runtime interface client, fed
 * Distributed Map batches of cardio rows (every value a string, as Step Functions' CSV reader gives
 * them) and, interleaved as the reference, the same rows as a {@code {"records": ...}} payload of
 * JSON numbers. Times are from the POST to the mock Runtime API until the reply: the handler's
 * duration plus a local round trip. Run by {@code bench/batch-cost.sh}.
 *
 * <p>Arguments: {@code <task-dir> <ric-dir> <work-dir> <runs> <rows per batch>...}.
 */
public final class BatchCostBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path task = Path.of(args[0]).toAbsolutePath();
        Path ric = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        int runs = Integer.parseInt(args[3]);
        SamTemplate template = SamTemplate.load();
        Map<String, String> env = PackagedFunction.functionEnvironment(template, work.resolve("djl-cache"));
        Map<String, Object> batchInput = Map.of("idColumn", "visit", "explain", false, "ignoreColumns", List.of("label"));
        List<Map<String, String>> all = DistributedMapBatches.cardioVisits(1831);
        System.out.println("| rows per batch | batch payload (bytes) | batch median ms (min-max) | records median ms"
                + " (min-max) | batch / records |");
        System.out.println("|---|---|---|---|---|");
        try (PackagedFunction function = PackagedFunction.start(List.of(), task, ric, template.handler(), env,
                work.resolve("batch-cost.log"))) {
            for (int a = 4; a < args.length; a++) {
                int size = Integer.parseInt(args[a]);
                List<Map<String, String>> rows = all.subList(0, size);
                String batch = DistributedMapBatches.payload(rows, batchInput);
                String records = JSON.writeValueAsString(Map.of("records", rows.stream().map(BatchCostBench::numbers).toList()));
                for (int w = 0; w < 5; w++) { // warm-up: the first calls JIT-compile parsing and scoring
                    call(function, batch);
                    call(function, records);
                }
                double[] b = new double[runs];
                double[] r = new double[runs];
                for (int i = 0; i < runs; i++) {
                    b[i] = call(function, batch);
                    r[i] = call(function, records);
                }
                Arrays.sort(b);
                Arrays.sort(r);
                System.out.printf("| %d | %d | %.1f (%.1f-%.1f) | %.1f (%.1f-%.1f) | %.2f |%n", size,
                        batch.getBytes(StandardCharsets.UTF_8).length, median(b), b[0], b[runs - 1], median(r), r[0],
                        r[runs - 1], median(b) / median(r));
            }
        }
    }

    private static List<Double> numbers(Map<String, String> row) {
        List<Double> values = new ArrayList<>();
        new LinkedHashMap<>(row).forEach((k, v) -> {
            if (k.matches("f\\d+")) {
                values.add(Double.parseDouble(v));
            }
        });
        return values;
    }

    private static double call(PackagedFunction function, String payload) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> reply = function.invoke(payload);
        double ms = (System.nanoTime() - start) / 1e6;
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("invocation failed: " + reply.body());
        }
        return ms;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
