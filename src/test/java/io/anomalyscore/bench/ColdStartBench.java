package io.anomalyscore.bench;

import io.anomalyscore.deploy.ImageLayout;
import io.anomalyscore.deploy.LambdaRuntimeApiServer;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold-start benchmark (not a test): for each variant, N fresh processes started under the AWS
 * runtime interface client (the Python peer: its own Runtime API loop) against a Runtime API of their
 * own, each timed from process start to the first successful reply to {@code
 * deploy/events/direct-valid.json}. Variants run interleaved (run 1 of every variant, then run 2, ...)
 * so the machine's load falls on all alike. Run by {@code bench/cold-start.sh}.
 *
 * <p>Arguments: {@code <task-dir> <ric-dir> <work-dir> <runs> <image-layout-dir> <jdk25-home>
 * <aot-cache> <peer-weights> [variant,...]}.
 */
public final class ColdStartBench {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** What the Lambda java21 managed runtime adds to its java command (besides heap size and class path). */
    public static final List<String> MANAGED_RUNTIME_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-Djava.net.preferIPv4Stack=true");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*");
    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final Pattern MODEL = Pattern.compile("Loaded model .* in (\\d+) ms");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    record Run(long totalMs, double quarkusStartedS, long modelLoadMs, long extractMs, long afterBootMs, long rssMb) {}

    /** One way to start the function: its folder, environment, command, and what to reset before each run. */
    record Variant(String key, String description, Path dir, Map<String, String> env, List<String> command,
            Path resetBeforeRun) {}

    public static void main(String[] args) throws Exception {
        Path task = Path.of(args[0]).toAbsolutePath();
        Path ric = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        int runs = Integer.parseInt(args[3]);
        ImageLayout image = ImageLayout.existing(Path.of(args[4]).toAbsolutePath());
        Path jdk25 = Path.of(args[5]);
        Path aotCache = Path.of(args[6]).toAbsolutePath();
        Path peerWeights = Path.of(args[7]).toAbsolutePath();
        List<String> wanted = args.length > 8 ? Arrays.asList(args[8].split(",")) : List.of();
        String event = Files.readString(SamTemplate.projectRoot().resolve("deploy/events/direct-valid.json"));
        SamTemplate template = SamTemplate.load();
        Files.createDirectories(work);
        Path jdk17 = Path.of(System.getProperty("java.home"));

        Path coldCache = work.resolve("djl-cold");
        Path warmCache = work.resolve("djl-warm");
        Path imageTmp = work.resolve("image-tmp");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("zip-extract", "zip, libtorch extracted at start (JDK 17, managed-runtime flags)",
                task, PackagedFunction.functionEnvironment(template, coldCache), zipCommand(jdk17, ric, template), coldCache));
        variants.add(new Variant("zip-cache", "zip, libtorch pre-extracted in /tmp (JDK 17, managed-runtime flags)",
                task, PackagedFunction.functionEnvironment(template, warmCache), zipCommand(jdk17, ric, template), null));
        variants.add(new Variant("zip-cache-25", "zip, libtorch pre-extracted in /tmp (JDK 25, managed-runtime flags)",
                task, PackagedFunction.functionEnvironment(template, warmCache), zipCommand(jdk25, ric, template), null));
        variants.add(imageVariant("image-cds", "image, JDK 25, default CDS only, C1 only (TieredStopAtLevel=1)",
                image, template, imageTmp, jdk25, ric, "none", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        variants.add(imageVariant("image-aot-tiered", "image, JDK 25, AOT cache, full tiered compilation, no preload list, early start (what the Dockerfile ships)",
                image, template, imageTmp, jdk25, ric, aotCache.toString(), "-XX:+UseSerialGC"));
        variants.add(imageVariant("image-aot-c1", "image, JDK 25, AOT cache, C1 only (TieredStopAtLevel=1)",
                image, template, imageTmp, jdk25, ric, aotCache.toString(), "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        variants.add(imageVariant("image-aot-late", "image, JDK 25, AOT cache, engine started by the model load"
                + " (anomaly.engine.early-start=false)", image, template, imageTmp, jdk25, ric, aotCache.toString(),
                "-XX:+UseSerialGC", Map.of("ANOMALY_ENGINE_EARLY_START", "false"), false));
        variants.add(imageVariant("image-aot-1cpu", "image, JDK 25, AOT cache, one core (taskset -c 0)",
                image, template, imageTmp, jdk25, ric, aotCache.toString(), "-XX:+UseSerialGC", Map.of(), true));
        variants.add(imageVariant("image-aot-late-1cpu", "image, JDK 25, AOT cache, engine started by the model load,"
                + " one core", image, template, imageTmp, jdk25, ric, aotCache.toString(), "-XX:+UseSerialGC",
                Map.of("ANOMALY_ENGINE_EARLY_START", "false"), true));
        String preload = System.getenv("PRELOAD_LAYOUT");
        if (preload != null) { // a layout made with PRELOAD_CLASSES=keep and its own AOT cache (the cache checks the jars)
            variants.add(imageVariant("image-aot-preload", "image, JDK 25, AOT cache, Quarkus class preloading kept"
                    + " (PRELOAD_CLASSES=keep)", ImageLayout.existing(Path.of(preload).toAbsolutePath()),
                    template, work.resolve("image-tmp-preload"), jdk25, ric, System.getenv("PRELOAD_AOT"),
                    "-XX:+UseSerialGC", Map.of(), false));
        }
        Map<String, String> peerEnv = new LinkedHashMap<>();
        peerEnv.put("OMP_NUM_THREADS", "1");
        List<String> peer = List.of("/usr/bin/python3", "bench/cold_start_peer.py",
                peerWeights.toString(), "src/main/resources/default-model/manifest.json");
        variants.add(new Variant("python-peer", "Python/torch peer (torch " + "from apt, bench/cold_start_peer.py)",
                SamTemplate.projectRoot(), peerEnv, peer, null));
        List<String> peerOneCore = new ArrayList<>(List.of("taskset", "-c", "0"));
        peerOneCore.addAll(peer);
        variants.add(new Variant("python-peer-1cpu", "Python/torch peer, one core (taskset -c 0)",
                SamTemplate.projectRoot(), peerEnv, peerOneCore, null));
        if (!wanted.isEmpty()) {
            variants.removeIf(v -> !wanted.contains(v.key()));
        }

        System.err.println("pre-filling the warm cache and the page cache (discarded runs)");
        Folders.delete(warmCache);
        for (Variant v : variants) {
            reset(v);
            run(v, event, work.resolve("prefill-" + v.key()));
        }
        Map<Variant, List<Run>> results = new LinkedHashMap<>();
        variants.forEach(v -> results.put(v, new ArrayList<>()));
        String loadStart = loadAverage();
        for (int i = 0; i < runs; i++) { // interleaved so machine load affects all variants alike
            for (Variant v : variants) {
                reset(v);
                Run r = run(v, event, work.resolve(v.key() + "-" + i));
                results.get(v).add(r);
                System.err.printf("run %d %-17s %s%n", i + 1, v.key(), r);
            }
        }
        System.out.println(table(runs, results, loadStart, loadAverage()));
    }

    private static List<String> zipCommand(Path jdk, Path ric, SamTemplate template) {
        List<String> command = new ArrayList<>();
        command.add(jdk.resolve("bin/java").toString());
        command.addAll(MANAGED_RUNTIME_FLAGS);
        command.addAll(List.of("-cp", ric.resolve("*").toString(), RIC_MAIN, template.handler()));
        return command;
    }

    private static Variant imageVariant(String key, String description, ImageLayout image, SamTemplate template,
            Path tmp, Path jdk, Path ric, String aotCache, String jvmFlags) throws Exception {
        return imageVariant(key, description, image, template, tmp, jdk, ric, aotCache, jvmFlags, Map.of(), false);
    }

    private static Variant imageVariant(String key, String description, ImageLayout image, SamTemplate template,
            Path tmp, Path jdk, Path ric, String aotCache, String jvmFlags, Map<String, String> extraEnv,
            boolean oneCore) throws Exception {
        Map<String, String> env = image.environment(template, tmp);
        env.putAll(extraEnv);
        env.put("LAMBDA_TASK_ROOT", image.task().toString());
        env.put("_HANDLER", template.handler());
        env.put("FUNCTION_JAVA_HOME", jdk.toString());
        env.put("FUNCTION_RIC_DIR", ric.toString());
        env.put("FUNCTION_AOT_CACHE", aotCache);
        env.put("FUNCTION_JVM_FLAGS", jvmFlags);
        List<String> command = new ArrayList<>(oneCore ? List.of("taskset", "-c", "0") : List.of());
        command.add(SamTemplate.projectRoot().resolve("deploy/image/bootstrap").toString());
        return new Variant(key, description, image.task(), env, command, tmp);
    }

    private static void reset(Variant v) throws Exception {
        if (v.resetBeforeRun() != null) {
            Folders.delete(v.resetBeforeRun());
            Files.createDirectories(v.resetBeforeRun());
        }
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    /** One cold start against a Runtime API of its own (a killed function's pending long-poll can swallow the next event). */
    static Run run(Variant v, String event, Path out) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LambdaRuntimeApiServer server = new LambdaRuntimeApiServer();
        server.start(port);
        try {
            return run(v, port, event, out);
        } finally {
            server.close();
        }
    }

    private static Run run(Variant v, int port, String event, Path out) throws Exception {
        Files.createDirectories(out);
        Path log = out.resolve("function.log");
        Path timeLog = out.resolve("time.log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", timeLog.toString()));
        command.addAll(v.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(v.dir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(v.env());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port + "/_lambda_");

        long start = System.nanoTime();
        Process process = builder.start();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_lambda_"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        long replyWall = System.currentTimeMillis();
        if (reply.statusCode() != 200 || !reply.body().contains("\"results\"")) {
            throw new IllegalStateException(v.key() + ": bad reply " + reply.statusCode() + ": " + reply.body()
                    + " (see " + log + ")");
        }
        process.descendants().forEach(ProcessHandle::destroy); // the function, child of /usr/bin/time
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        return parse(log, timeLog, totalMs, replyWall);
    }

    private static Run parse(Path log, Path timeLog, long totalMs, long replyWall) throws Exception {
        double started = Double.NaN;
        long modelMs = -1;
        long firstExtract = -1;
        long lastExtract = -1;
        long startedWall = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher at = LOG_LINE.matcher(line);
            long t = at.matches() ? LocalDateTime.parse(at.group(1), LOG_TIME).atZone(ZoneId.systemDefault())
                    .toInstant().toEpochMilli() : -1;
            Matcher m;
            if ((m = STARTED.matcher(line)).find()) {
                started = Double.parseDouble(m.group(1));
                startedWall = t;
            } else if ((m = MODEL.matcher(line)).find()) {
                modelMs = Long.parseLong(m.group(1));
            }
            if (line.contains("Extracting ")) {
                if (firstExtract < 0) {
                    firstExtract = t;
                }
                lastExtract = t; // the last one is the 4 MB JNI library, right after libtorch_cpu.so
            }
        }
        long extractMs = firstExtract < 0 ? 0 : lastExtract - firstExtract;
        long rssKb = 0;
        Matcher r = RSS.matcher(Files.readString(timeLog));
        if (r.find()) {
            rssKb = Long.parseLong(r.group(1));
        }
        long afterBoot = startedWall > 0 ? replyWall - startedWall : -1;
        return new Run(totalMs, started, modelMs, extractMs, afterBoot, rssKb / 1024);
    }

    static String table(int runs, Map<Variant, List<Run>> results, String loadStart, String loadEnd) {
        StringBuilder s = new StringBuilder();
        Map<String, Double> medians = new LinkedHashMap<>();
        results.forEach((v, list) -> medians.put(v.key(), median(list.stream().map(r -> (double) r.totalMs()).toList())));
        double peerAll = medians.getOrDefault("python-peer", Double.NaN);
        double peerOneCore = medians.getOrDefault("python-peer-1cpu", Double.NaN);
        s.append(String.format(Locale.ROOT, "N = %d per variant, interleaved; median (min-max); load average %s at the"
                + " start, %s at the end; page cache warm (every file was read by a discarded run first)%n%n",
                runs, loadStart, loadEnd));
        s.append("| variant | start -> first reply (ms) | x Python peer (same cores) | Quarkus \"started in\" (s) | model load incl."
                + " engine init (ms) | libtorch extraction (ms) | Quarkus started -> reply (ms) | max RSS (MB) |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        results.forEach((v, list) -> {
            double median = medians.get(v.key());
            double peer = v.key().endsWith("-1cpu") ? peerOneCore : peerAll; // one core against the peer on one core
            s.append("| ").append(v.description())
                    .append(" | ").append(stat(list.stream().map(r -> (double) r.totalMs()).toList(), "%.0f"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", median / peer))
                    .append(" | ").append(stat(list.stream().map(Run::quarkusStartedS).toList(), "%.2f"))
                    .append(" | ").append(stat(list.stream().map(r -> (double) r.modelLoadMs()).toList(), "%.0f"))
                    .append(" | ").append(stat(list.stream().map(r -> (double) r.extractMs()).toList(), "%.0f"))
                    .append(" | ").append(stat(list.stream().map(r -> (double) r.afterBootMs()).toList(), "%.0f"))
                    .append(" | ").append(stat(list.stream().map(r -> (double) r.rssMb()).toList(), "%.0f"))
                    .append(" |\n");
        });
        return s.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String stat(List<Double> values, String format) {
        List<Double> sorted = values.stream().filter(d -> !Double.isNaN(d) && d >= 0).sorted().toList();
        if (sorted.isEmpty()) {
            return "-";
        }
        int n = sorted.size();
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(sorted), sorted.get(0),
                sorted.get(n - 1));
    }
}
