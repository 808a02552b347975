package io.anomalyscore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A packaged function run the way the Lambda {@code java21} runtime runs it:
 * the AWS runtime interface client in a child JVM, working directory = the task folder, against
 * {@link LambdaRuntimeApiServer} in this JVM. Shared by {@code PackagedFunctionIT} (zip layout) and
 * {@code ImageLayoutIT} (container-image layout).
 */
public final class PackagedFunction implements AutoCloseable {

    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LambdaRuntimeApiServer server;
    private final int port;
    private final Process process;
    private final Path log;

    /**
     * Starts the Runtime API and the function.
     *
     * @param launcher words put before the {@code java} command (e.g. {@code setpriv ...}); may be empty
     */
    public static PackagedFunction start(List<String> launcher, Path task, Path ricDir, String handler,
            Map<String, String> environment, Path log) throws IOException {
        return start(launcher, List.of(), task, ricDir, handler, environment, log);
    }

    /** Like {@link #start(List, Path, Path, String, Map, Path)}, with JVM options before the class path. */
    public static PackagedFunction start(List<String> launcher, List<String> jvmOptions, Path task, Path ricDir,
            String handler, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        LambdaRuntimeApiServer server = new LambdaRuntimeApiServer();
        server.start(port);
        try {
            List<String> command = new ArrayList<>(launcher);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(ricDir.resolve("*").toString());
            command.add(RIC_MAIN);
            command.add(handler); // exactly what Lambda is told
            ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port + "/_lambda_");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new PackagedFunction(server, port, builder.start(), log);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private PackagedFunction(LambdaRuntimeApiServer server, int port, Process process, Path log) {
        this.server = server;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** template.yaml's variables; the two that need AWS are pointed at local stand-ins. */
    public static Map<String, String> functionEnvironment(SamTemplate template, Path djlCache) {
        Map<String, String> env = new LinkedHashMap<>();
        template.environment().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                env.put(name, value.toString());
            } else if (!name.equals("ANOMALY_MODEL_URI")) {
                throw new IllegalStateException("cannot resolve " + name + " = " + value + " outside AWS");
            }
        });
        env.put("ANOMALY_MODEL_URI", "classpath:default-model");
        env.put("DJL_CACHE_DIR", djlCache.toString());
        return env;
    }

    /** Posts one event to the mock Runtime API and waits for the function's reply. */
    public HttpResponse<String> invoke(String event) throws IOException, InterruptedException {
        assertThat(process.isAlive()).as("the function process is running (see " + log + ")").isTrue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_lambda_"))
                .timeout(INVOKE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One dynamic test per event of {@code deploy/events/}, checked against its expectations.json. */
    public Stream<DynamicTest> everyDeployEvent() throws IOException {
        Path events = SamTemplate.projectRoot().resolve("deploy/events");
        JsonNode expectations = JSON.readTree(events.resolve("expectations.json").toFile());
        List<Path> files;
        try (Stream<Path> listing = Files.list(events)) {
            files = listing.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("expectations.json"))
                    .sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> it = expectations.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!name.startsWith("_") && !Files.exists(events.resolve(name))) {
                unexpected.add(name);
            }
        }
        assertThat(unexpected).as("expectations without an event file").isEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode expected = expectations.get(file.getFileName().toString());
            assertThat(expected).as("an entry in expectations.json for " + file.getFileName()).isNotNull();
            check(file, expected);
        }));
    }

    private void check(Path file, JsonNode expected) throws Exception {
        HttpResponse<String> reply = invoke(Files.readString(file));
        String kind = expected.get("kind").asText();
        if (kind.equals("http")) {
            assertThat(reply.statusCode()).as("invocation of " + file.getFileName() + ": " + reply.body()).isEqualTo(200);
            JsonNode response = JSON.readTree(reply.body());
            assertThat(response.get("statusCode").asInt()).as(reply.body()).isEqualTo(expected.get("statusCode").asInt());
            assertThat(response.path("isBase64Encoded").asBoolean(false)).isFalse();
            assertContains(response.get("body").asText(), expected);
        } else if (expected.has("errorType")) {
            assertThat(reply.statusCode()).as("a failed invocation: " + reply.body()).isEqualTo(500);
            JsonNode error = JSON.readTree(reply.body());
            assertThat(error.get("errorType").asText()).isEqualTo(expected.get("errorType").asText());
            assertThat(error.get("errorMessage").asText()).isNotBlank();
        } else {
            assertThat(reply.statusCode()).as("invocation of " + file.getFileName() + ": " + reply.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(reply.body());
            assertThat(body.has("statusCode")).as("a plain body, not the API Gateway envelope").isFalse();
            assertContains(reply.body(), expected);
        }
    }

    private static void assertContains(String body, JsonNode expected) {
        for (JsonNode part : expected.path("bodyContains")) {
            assertThat(body).contains(part.asText());
        }
    }

    /** The Runtime API this function talks to. */
    public LambdaRuntimeApiServer runtimeApi() {
        return server;
    }

    public long pid() {
        return process.pid();
    }

    /** What the function process printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        server.close();
    }

    /** {@code target/function.zip} (or {@code -Dfunction.zip}); fails with a hint when it is not built. */
    public static Path functionZip(Path target) {
        Path zip = Path.of(System.getProperty("function.zip", target.resolve("function.zip").toString()));
        assertThat(zip).as("run ./mvnw package first").exists();
        return zip;
    }

    /** The runtime interface client's jars, {@code target/ric} (or {@code -Dric.dir}). */
    public static Path ricDir(Path target) {
        Path ricDir = Path.of(System.getProperty("ric.dir", target.resolve("ric").toString()));
        assertThat(ricDir).as("the runtime interface client jars (dependency:copy@copy-lambda-ric)").isDirectory();
        return ricDir;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the task folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target); // leaves the zip stream open for the next entry
                }
            }
        }
    }
}
