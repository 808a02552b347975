package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.deploy.LambdaRuntimeApiServer;
import io.quarkus.amazon.lambda.runtime.MockEventServer;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged {@code target/function.zip}, run the way the Lambda {@code java21} runtime runs it
 * (PLATFORM.md section 6): unzipped into a task folder, started by the AWS runtime interface client
 * in a child JVM with the handler and environment of {@code template.yaml}, fed every event of
 * {@code deploy/events/} through Quarkus's mock Runtime API, each checked against
 * {@code deploy/events/expectations.json}.
 */
public class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    private static MockEventServer server;
    private static Process function;
    private static Path task;
    private static Path log;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startFunction() throws Exception {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path zip = Path.of(System.getProperty("function.zip", target.resolve("function.zip").toString()));
        Path ricDir = Path.of(System.getProperty("ric.dir", target.resolve("ric").toString()));
        assertThat(zip).as("run ./mvnw package first").exists();
        assertThat(ricDir).as("the runtime interface client jars (dependency:copy@copy-lambda-ric)").isDirectory();

        task = Files.createTempDirectory(target, "lambda-task-");
        unzip(zip, task);
        // One DJL cache for every run of this IT: libtorch is extracted once (a few seconds), then reused.
        Path djlCache = target.resolve("it-djl-cache");
        Files.createDirectories(djlCache);

        port = freePort();
        server = new LambdaRuntimeApiServer();
        server.start(port);

        SamTemplate template = SamTemplate.load();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(ricDir.resolve("*").toString());
        command.add(RIC_MAIN);
        command.add(template.handler()); // exactly what Lambda is told
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(functionEnvironment(template, djlCache));
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + port + "/" + "_lambda_");
        log = target.resolve("packaged-function-it.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        function = builder.start();
    }

    /** template.yaml's variables; the two that need AWS are pointed at local stand-ins. */
    public static Map<String, String> functionEnvironment(SamTemplate template, Path djlCache) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
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

    @AfterAll
    static void stopFunction() throws Exception {
        if (function != null) {
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (server != null) {
            server.close();
        }
        if (task != null) { // ~130 MB unzipped
            try (Stream<Path> walk = Files.walk(task)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDeployEventGetsTheExpectedResult() throws IOException {
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

    private static void check(Path file, JsonNode expected) throws Exception {
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

    /** Posts one event to the mock Runtime API and waits for the function's reply. */
    private static HttpResponse<String> invoke(String event) throws Exception {
        assertThat(function.isAlive()).as("the function process is running (see " + log + ")").isTrue();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_lambda_"))
                .timeout(INVOKE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
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
