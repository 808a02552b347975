package io.anomalyscore.bench;

import io.anomalyscore.deploy.ImageLayout;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.LambdaRuntimeApiServer;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold-start benchmark (not a test): N fresh processes of the unzipped {@code function.zip} under
 * the AWS runtime interface client, each timed from process start to the first successful
 * response to {@code deploy/events/direct-valid.json}, with an empty DJL cache (libtorch extracted
 * every time, like a fresh Lambda environment) and with a pre-filled one. Run by
 * {@code bench/cold-start.sh}. With a fifth argument (a folder made by deploy/image/prepare-layout.sh), a
 * third case: the container image's layout and environment (deploy/Dockerfile).
 *
 * <p>Arguments: {@code <task-dir> <ric-dir> <work-dir> <runs> [<image-layout-dir>]}.
 */
public final class ColdStartBench {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*");
    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final Pattern MODEL = Pattern.compile("Loaded model .* in (\\d+) ms");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    record Run(long totalMs, double quarkusStartedS, long modelLoadMs, long extractMs, long afterBootMs, long rssMb) {}

    public static void main(String[] args) throws Exception {
        Path task = Path.of(args[0]).toAbsolutePath();
        Path ric = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        int runs = Integer.parseInt(args[3]);
        ImageLayout imageLayout = args.length > 4 ? ImageLayout.existing(Path.of(args[4]).toAbsolutePath()) : null;
        String event = Files.readString(SamTemplate.projectRoot().resolve("deploy/events/direct-valid.json"));
        SamTemplate template = SamTemplate.load();
        Files.createDirectories(work);

        {
            Path warmCache = work.resolve("djl-warm");
            Folders.delete(warmCache);
            System.err.println("pre-filling the warm cache (discarded run)");
            run(task, ric, zipEnv(template, warmCache), template, event, work.resolve("prefill"));
            List<Run> cold = new ArrayList<>();
            List<Run> warm = new ArrayList<>();
            List<Run> image = new ArrayList<>();
            for (int i = 0; i < runs; i++) { // interleaved so machine load affects all cases alike
                Path coldCache = work.resolve("djl-cold");
                Folders.delete(coldCache);
                cold.add(run(task, ric, zipEnv(template, coldCache), template, event, work.resolve("cold-" + i)));
                Folders.delete(coldCache);
                warm.add(run(task, ric, zipEnv(template, warmCache), template, event, work.resolve("warm-" + i)));
                System.err.printf("run %d: cold %s%n       warm %s%n", i + 1, cold.get(i), warm.get(i));
                if (imageLayout != null) { // the container image's layout: no native jar, libtorch in place
                    Path imageTmp = work.resolve("image-tmp");
                    Folders.delete(imageTmp);
                    Files.createDirectories(imageTmp);
                    image.add(run(imageLayout.task(), ric, imageLayout.environment(template, imageTmp), template,
                            event, work.resolve("image-" + i)));
                    System.err.printf("       image %s%n", image.get(i));
                }
            }
            System.out.println(table(runs, cold, warm, image));
        }
    }

    private static Map<String, String> zipEnv(SamTemplate template, Path cache) {
        return PackagedFunction.functionEnvironment(template, cache);
    }

    /**
     * One cold start against a Runtime API of its own: a killed function's pending long-poll can
     * swallow the next event on a shared mock server.
     */
    static Run run(Path task, Path ric, Map<String, String> environment, SamTemplate template, String event,
            Path out) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LambdaRuntimeApiServer server = new LambdaRuntimeApiServer();
        server.start(port);
        try {
            return run(task, ric, environment, port, template, event, out);
        } finally {
            server.close();
        }
    }

    private static Run run(Path task, Path ric, Map<String, String> environment, int port, SamTemplate template,
            String event, Path out) throws Exception {
        Files.createDirectories(out);
        Path log = out.resolve("function.log");
        Path timeLog = out.resolve("time.log");
        List<String> command = List.of("/usr/bin/time", "-v", "-o", timeLog.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ric.resolve("*").toString(), RIC_MAIN, template.handler());
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port + "/_lambda_");

        long startWall = System.currentTimeMillis();
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.isAlive() && process.exitValue() != 0) {
            throw new IllegalStateException("function did not start, see " + log);
        }
        HttpResponse<String> reply = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_lambda_"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString());
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        long replyWall = System.currentTimeMillis();
        if (reply.statusCode() != 200 || !reply.body().contains("\"results\"")) {
            throw new IllegalStateException("bad reply " + reply.statusCode() + ": " + reply.body());
        }
        // stop the JVM (the child of /usr/bin/time) so time writes its report
        process.children().forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }

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

    static String table(int runs, List<Run> cold, List<Run> warm, List<Run> image) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "N = %d per case; median (min-max)%n%n", runs));
        s.append("| DJL cache | start -> first response (ms) | Quarkus \"started in\" (s) | model load incl. engine init (ms) | libtorch extraction (ms, log span) | Quarkus started -> response (ms) | max RSS (MB) |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        row(s, "empty (extract libtorch)", cold);
        row(s, "pre-filled", warm);
        if (!image.isEmpty()) {
            row(s, "image layout (no native jar, read-only libtorch via PYTORCH_LIBRARY_PATH)", image);
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String name, List<Run> runs) {
        s.append("| ").append(name)
                .append(" | ").append(stat(runs.stream().map(r -> (double) r.totalMs()).toList(), "%.0f"))
                .append(" | ").append(stat(runs.stream().map(Run::quarkusStartedS).toList(), "%.2f"))
                .append(" | ").append(stat(runs.stream().map(r -> (double) r.modelLoadMs()).toList(), "%.0f"))
                .append(" | ").append(stat(runs.stream().map(r -> (double) r.extractMs()).toList(), "%.0f"))
                .append(" | ").append(stat(runs.stream().map(r -> (double) r.afterBootMs()).toList(), "%.0f"))
                .append(" | ").append(stat(runs.stream().map(r -> (double) r.rssMb()).toList(), "%.0f"))
                .append(" |\n");
    }

    private static String stat(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median, sorted.get(0),
                sorted.get(n - 1));
    }
}
