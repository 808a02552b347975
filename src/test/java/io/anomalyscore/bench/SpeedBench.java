package io.anomalyscore.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.deploy.LambdaRuntimeApiServer;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.network.MlpBlockFactory;
import io.anomalyscore.model.detector.network.MlpConfig;
import io.anomalyscore.model.detector.network.NetworkTrainer;
import io.anomalyscore.model.detector.network.TrainingLoss;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.scoring.RecordParser;
import io.anomalyscore.scoring.ScoreRequest;
import io.anomalyscore.scoring.ScoreResponse;
import io.anomalyscore.training.TrainingProgress;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Speed benchmark harness (not a test; run by {@code bench/speed}). Hand-rolled: warm-up, then
 * many timed iterations with {@link System#nanoTime()}; percentiles over single calls, medians
 * over timed iterations for throughput. Every mode appends JSON results to the output file.
 *
 * <p>Arguments: {@code <mode> <out.json> [quick]}; modes: {@code inproc <wide-model-dir>},
 * {@code train}, {@code invoke <task-dir> <ric-dir> <djl-cache>}, {@code profile},
 * {@code scores <out.txt>} (all 1,831 cardio scores, for the bit-identity check).
 */
public final class SpeedBench {

    static final Path CARDIO = Path.of("src/test/resources/data/cardio.csv");
    static final Path DEFAULT_MODEL = Path.of("src/main/resources/default-model");
    static final ObjectMapper JSON = new ObjectMapper();

    private static boolean quick;
    private static final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path out = Path.of(args[1]);
        quick = Arrays.asList(args).contains("quick");
        EngineSettings.apply(1, 1); // what the function runs with (anomaly.engine.threads=1)
        results.put("mode", mode);
        results.put("quick", quick);
        results.put("loadavg_start", loadavg());
        switch (mode) {
            case "inproc" -> inproc(Path.of(args[2]));
            case "train" -> train();
            case "invoke" -> invoke(Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "profile" -> profile();
            case "scores" -> scores(Path.of(args[2]));
            default -> throw new IllegalArgumentException(mode);
        }
        results.put("loadavg_end", loadavg());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.exit(0); // the RIC child and DJL threads must not keep us alive
    }

    // ---------------------------------------------------------------- data

    static double[][] cardioRows() throws Exception {
        List<String> lines = Files.readAllLines(CARDIO);
        return lines.stream().skip(1)
                .map(l -> Arrays.stream(l.split(",")).limit(21).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    static int[] cardioLabels() throws Exception {
        List<String> lines = Files.readAllLines(CARDIO);
        String[] header = lines.get(0).split(",");
        int label = Arrays.asList(header).indexOf("label");
        return lines.stream().skip(1).mapToInt(l -> (int) Double.parseDouble(l.split(",")[label])).toArray();
    }

    static double[][] synthetic(int rows, int features, long seed) {
        Random r = new Random(seed);
        double[][] out = new double[rows][features];
        for (double[] row : out) {
            for (int j = 0; j < features; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return out;
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static Map<String, Object> percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.length);
        m.put("p50_us", s[(int) (0.50 * (s.length - 1))] / 1e3);
        m.put("p99_us", s[(int) (0.99 * (s.length - 1))] / 1e3);
        m.put("mean_us", Arrays.stream(s).average().orElse(0) / 1e3);
        m.put("loadavg", loadavg());
        return m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    // ---------------------------------------------------------------- 1. in-process scoring

    static void inproc(Path wideDir) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (AnomalyModel cardio = AnomalyModel.load(DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES);
                AnomalyModel wide = AnomalyModel.load(wideDir, ModelArtifact.DEFAULT_MAX_BYTES)) {
            r.put("default", scoring(cardio, cardioRows()));
            r.put("wide", scoring(wide, synthetic(2048, wide.manifest().features().size(), 7)));
        }
        results.put("inproc", r);
    }

    static Map<String, Object> scoring(AnomalyModel model, double[][] rows) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("features", model.manifest().features().size());
        r.put("hidden", MlpConfig.of(model.manifest().detectorConfig()).hidden());
        int warm = quick ? 2_000 : 10_000;
        int n = quick ? 5_000 : 30_000;
        double sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += model.score(new double[][] {rows[i % rows.length]}, false)[0].score();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            double[][] one = {rows[i % rows.length]};
            long s = System.nanoTime();
            RecordScore[] out = model.score(one, false);
            t[i] = System.nanoTime() - s;
            sink += out[0].score();
        }
        r.put("single", percentiles(t));
        Map<String, Object> batches = new LinkedHashMap<>();
        for (int size : new int[] {1, 32, 1024}) {
            double[][] batch = new double[size][];
            for (int i = 0; i < size; i++) {
                batch[i] = rows[i % rows.length];
            }
            double budget = quick ? 0.4e9 : 1.5e9; // ns per timed iteration
            int iterations = quick ? 3 : 7;
            // warm-up: one iteration's worth
            long end = System.nanoTime() + (long) budget;
            while (System.nanoTime() < end) {
                sink += model.score(batch, false)[0].score();
            }
            double[] rps = new double[iterations];
            for (int it = 0; it < iterations; it++) {
                long calls = 0;
                long s = System.nanoTime();
                long stop = s + (long) budget;
                long now;
                do {
                    sink += model.score(batch, false)[0].score();
                    calls++;
                    now = System.nanoTime();
                } while (now < stop);
                rps[it] = calls * size / ((now - s) / 1e9);
            }
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("rows_per_s_median", median(rps));
            b.put("iterations", rps);
            b.put("loadavg", loadavg());
            batches.put(Integer.toString(size), b);
        }
        r.put("batch", batches);
        r.put("sink", sink);
        return r;
    }

    // ---------------------------------------------------------------- 3. training

    static void train() throws Exception {
        double[][] raw = cardioRows();
        int[] labels = cardioLabels();
        float[][] x = standardise(raw);
        float[][] y = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            y[i] = new float[] {labels[i]};
        }
        int epochs = quick ? 4 : 12;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", x.length);
        r.put("epochs", epochs);
        r.put("autoencoder", fit(List.of(64, 32, 64), 21, TrainingLoss.MEAN_SQUARED_ERROR, x, x, epochs));
        r.put("classifier", fit(List.of(100, 50), 1, TrainingLoss.BINARY_CROSS_ENTROPY_WITH_LOGITS, x, y,
                epochs));
        // the same two fits again in this JVM: the JIT has compiled the training path by now, so these
        // separate the steady-state cost of a step from the JVM's warm-up (the targets use the first fits)
        r.put("autoencoder_second_fit", fit(List.of(64, 32, 64), 21, TrainingLoss.MEAN_SQUARED_ERROR, x, x, epochs));
        r.put("classifier_second_fit", fit(List.of(100, 50), 1, TrainingLoss.BINARY_CROSS_ENTROPY_WITH_LOGITS, x, y,
                epochs));
        results.put("train", r);
    }

    static float[][] standardise(double[][] raw) {
        int n = raw.length;
        int d = raw[0].length;
        float[][] x = new float[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : raw) {
                mean += row[j];
            }
            mean /= n;
            for (double[] row : raw) {
                sq += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(sq / n);
            for (int i = 0; i < n; i++) {
                x[i][j] = (float) ((raw[i][j] - mean) / (sd > 0 ? sd : 1));
            }
        }
        return x;
    }

    static Map<String, Object> fit(List<Integer> hidden, int outputs, TrainingLoss loss, float[][] x,
            float[][] y, int epochs) {
        List<Long> nanos = new ArrayList<>();
        TrainingProgress progress = new TrainingProgress(null) {
            @Override
            public void epoch(int epoch, int total, double trainLoss, double validationLoss, boolean improved, long ns) {
                nanos.add(ns);
            }
        };
        new NetworkTrainer(progress).fit(() -> MlpBlockFactory.build(hidden, outputs), loss, x, y, new float[0][],
                new float[0][], new FitSettings(epochs, epochs + 1, 64, 1e-3, 42, hidden));
        double[] sps = nanos.stream().skip(1).mapToDouble(ns -> x.length / (ns / 1e9)).toArray(); // epoch 1 = warm-up
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hidden", hidden);
        r.put("samples_per_s_median", median(sps));
        r.put("per_epoch", sps);
        r.put("loadavg", loadavg());
        return r;
    }

    // ---------------------------------------------------------------- 2 + 4. invocation path, RSS

    static void invoke(Path task, Path ric, Path cache) throws Exception {
        ObjectNode http = (ObjectNode) JSON.readTree(Files.readString(Path.of("deploy/events/http-score-valid.json")));
        double[] row = cardioRows()[0];
        String body = JSON.writeValueAsString(Map.of("records", List.of(row)));
        http.put("body", body);
        http.put("isBase64Encoded", false);
        Map<String, String> events = new LinkedHashMap<>();
        events.put("apigw_v2", JSON.writeValueAsString(http));
        events.put("direct", body);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LambdaRuntimeApiServer server = new LambdaRuntimeApiServer();
        server.start(port);
        SamTemplate template = SamTemplate.load();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ric.resolve("*").toString(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", template.handler());
        Path log = Files.createTempFile("speed-function", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(io.anomalyscore.deploy.PackagedFunction.functionEnvironment(template, cache));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port + "/_lambda_");
        Process function = builder.start();
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + port + "/_lambda_");
            int n = quick ? 2_000 : 10_000;
            int warm = quick ? 1_000 : 3_000;
            long count = 0;
            for (Map.Entry<String, String> e : events.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(e.getValue())).build();
                for (int i = 0; i < warm; i++) {
                    check(client.send(request, HttpResponse.BodyHandlers.ofString()), e.getKey());
                    count++;
                }
                long[] t = new long[n];
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> reply = client.send(request, HttpResponse.BodyHandlers.ofString());
                    t[i] = System.nanoTime() - s;
                    check(reply, e.getKey());
                    count++;
                }
                r.put(e.getKey(), percentiles(t));
            }
            // 4. memory: keep invoking (direct payload) up to the total, then read the child's high-water mark
            long total = quick ? 10_000 : 100_000;
            HttpRequest direct = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            Map<String, Object> mem = new LinkedHashMap<>();
            mem.put("after_" + count, status(function.pid()));
            while (count < total) {
                check(client.send(direct, HttpResponse.BodyHandlers.ofString()), "direct");
                count++;
            }
            mem.put("after_" + count, status(function.pid()));
            mem.put("invocations", count);
            mem.put("loadavg", loadavg());
            r.put("memory", mem);
            r.put("event_bytes", Map.of("apigw_v2", events.get("apigw_v2").length(), "direct", body.length()));
        } finally {
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly();
            }
            server.close();
        }
        results.put("invoke", r);
    }

    static void check(HttpResponse<String> reply, String what) {
        if (reply.statusCode() != 200 || !reply.body().contains("results")) {
            throw new IllegalStateException(what + ": bad reply " + reply.statusCode() + ": " + reply.body());
        }
    }

    static Map<String, Object> status(long pid) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
                String[] f = line.split("\\s+");
                m.put(f[0].replace(":", "") + "_MB", Long.parseLong(f[1]) / 1024.0);
            }
        }
        return m;
    }

    // ---------------------------------------------------------------- 6. profile

    static void profile() throws Exception {
        double[][] rows = cardioRows();
        Map<String, Object> r = new LinkedHashMap<>();
        int n = quick ? 5_000 : 30_000;
        try (AnomalyModel model = AnomalyModel.load(DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            // whole call
            r.put("score_single_ns", timePerCall(n, i -> model.score(new double[][] {rows[i % rows.length]}, false)));
            long a0 = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < n; i++) {
                model.score(new double[][] {rows[i % rows.length]}, false);
            }
            r.put("score_single_alloc_bytes_per_call", (mx.getThreadAllocatedBytes(tid) - a0) / (double) n);
            r.put("preprocess_ns", timePerCall(n, i -> model.preprocessor().transform(new double[][] {rows[i % rows.length]})));

            // raw DJL pieces on the same weights, outside AnomalyModel
            int inputs = model.manifest().features().size();
            Block block = MlpBlockFactory.build(MlpConfig.of(model.manifest().detectorConfig()).hidden(), inputs);
            try (Model m = Model.newInstance("profile")) {
                block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
                block.loadParameters(m.getNDManager(), new DataInputStream(new ByteArrayInputStream(
                        Files.readAllBytes(DEFAULT_MODEL.resolve(ModelArtifact.WEIGHTS)))));
                m.setBlock(block);
                List<Boolean> grads = new ArrayList<>();
                for (Parameter p : block.getParameters().values()) {
                    grads.add(p.getArray().hasGradient());
                }
                r.put("parameters_require_grad", grads);
                float[] row = model.preprocessor().transform(rows[0]);
                NDManager base = m.getNDManager();
                r.put("submanager_open_close_ns", timeVoid(n, i -> base.newSubManager().close()));
                r.put("create_1xn_ns", timeVoid(n, i -> {
                    try (NDManager s = base.newSubManager()) {
                        s.create(row, new Shape(1, row.length));
                    }
                }));
                ParameterStore ps = new ParameterStore(base, false);
                r.put("create_forward_toFloatArray_ns", timeVoid(n, i -> {
                    try (NDManager s = base.newSubManager()) {
                        NDArray x = s.create(row, new Shape(1, row.length));
                        block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
                    }
                }));
                long a1 = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < n; i++) {
                    try (NDManager s = base.newSubManager()) {
                        NDArray x = s.create(row, new Shape(1, row.length));
                        block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
                    }
                }
                r.put("create_forward_toFloatArray_alloc_bytes_per_call", (mx.getThreadAllocatedBytes(tid) - a1) / (double) n);
                List<Parameter> params = new ArrayList<>(block.getParameters().values());
                NDArray w0 = params.get(0).getArray();
                NDArray b0 = params.get(1).getArray();
                try (NDManager s = base.newSubManager()) {
                    NDArray x = s.create(row, new Shape(1, row.length));
                    r.put("relu_1xn_ns", timeVoid(n, i -> {
                        try (NDManager t = s.newSubManager()) {
                            NDArray y = Activation.relu(x);
                            y.attach(t);
                        }
                    }));
                    r.put("linear_first_layer_ns", timeVoid(n, i -> {
                        try (NDManager t = s.newSubManager()) {
                            ai.djl.nn.core.Linear.linear(x, w0, b0).singletonOrThrow().attach(t);
                        }
                    }));
                    r.put("toFloatArray_1xn_ns", timePerCall(n, i -> x.toFloatArray()));
                    NDList out = block.forward(ps, new NDList(x), false);
                    r.put("output_requires_grad", out.singletonOrThrow().hasGradient());
                }
            }

            // JSON: parse of a one-record body, and the response serialisation
            RecordParser parser = new RecordParser(model.manifest().features(), model.preprocessor(), 1000, 1 << 20);
            byte[] body = JSON.writeValueAsBytes(Map.of("records", List.of(rows[0])));
            r.put("parse_one_record_ns", timePerCall(n, i -> parser.parse(body)));
            ScoreResponse.ModelRef ref = new ScoreResponse.ModelRef(model.manifest().name(), model.manifest().version(),
                    model.manifest().detector());
            ScoreResponse prebuilt = new ScoreResponse(ref, 0.07,
                    List.of(new ScoreResponse.Result(0.01, 0.5, false, null)));
            r.put("serialise_response_ns", timePerCall(n, i -> JSON.writeValueAsBytes(prebuilt)));
            // in-process service path: body bytes -> parse -> score -> response bytes
            long[] t = new long[n];
            for (int i = 0; i < n + 2_000; i++) {
                long s = System.nanoTime();
                ScoreRequest req = parser.parse(body);
                RecordScore sc = model.score(req.rows(), false)[0];
                JSON.writeValueAsBytes(new ScoreResponse(ref, 0.07,
                        List.of(new ScoreResponse.Result(sc.score(), sc.percentile(), sc.anomalous(), null))));
                if (i >= 2_000) {
                    t[i - 2_000] = System.nanoTime() - s;
                }
            }
            r.put("inprocess_parse_score_serialise", percentiles(t));
        }
        results.put("profile", r);
    }

    interface Call {
        Object run(int i) throws Exception;
    }

    interface VoidCall {
        void run(int i) throws Exception;
    }

    /** Median nanoseconds of one call, after n/2 warm-up calls (median: robust to a loaded machine). */
    static long timePerCall(int n, Call c) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            c.run(i);
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            c.run(i);
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t[n / 2];
    }

    static long timeVoid(int n, VoidCall c) throws Exception {
        return timePerCall(n, (Call) i -> {
            c.run(i);
            return null;
        });
    }

    // ---------------------------------------------------------------- bit-identity

    static void scores(Path out) throws Exception {
        try (AnomalyModel model = AnomalyModel.load(DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            double[][] rows = cardioRows();
            StringBuilder s = new StringBuilder();
            for (RecordScore sc : model.score(rows, false)) {
                s.append(Long.toHexString(Double.doubleToRawLongBits(sc.score()))).append('\n');
            }
            for (double[] row : rows) { // and one at a time
                s.append(Long.toHexString(Double.doubleToRawLongBits(model.score(new double[][] {row}, false)[0].score())))
                        .append('\n');
            }
            Files.writeString(out, s.toString());
            results.put("rows", rows.length);
            // the same, one record at a time from 4 threads at once: must match the sequential bits
            String expected = s.toString();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<String>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    StringBuilder b = new StringBuilder();
                    for (RecordScore sc : model.score(rows, false)) {
                        b.append(Long.toHexString(Double.doubleToRawLongBits(sc.score()))).append('\n');
                    }
                    for (double[] row : rows) {
                        b.append(Long.toHexString(Double.doubleToRawLongBits(model.score(new double[][] {row}, false)[0].score())))
                                .append('\n');
                    }
                    return b.toString();
                }));
            }
            boolean same = true;
            for (java.util.concurrent.Future<String> f : runs) {
                same &= f.get().equals(expected);
            }
            pool.shutdown();
            results.put("concurrent_4_threads_identical", same);
            System.out.println("4 concurrent threads bit-identical to sequential: " + same);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
