package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke test's request building (deploy/smoke-request.py, as deploy/smoke-test.sh runs it)
 * against a model that is not the cardio one: a thyroid model trained here with an id column,
 * served from its repository by the packaged function under the AWS runtime interface client. The
 * body built from the function's own {@code GET /v1/model} must score with 200 and echo the id.
 */
class SmokeRequestIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedFunction function;
    private static Path task;
    private static Path work;

    @BeforeAll
    static void startFunctionOnAThyroidModel() throws Exception {
        System.setProperty("ai.djl.offline", "true"); // training runs in this JVM: libtorch is on the classpath
        Path target = SamTemplate.projectRoot().resolve("target");
        work = Files.createTempDirectory(target, "smoke-request-");
        Path repo = trainThyroidWithIds(work);

        task = work.resolve("task");
        PackagedFunction.unzip(PackagedFunction.functionZip(target), task);
        Path djlCache = Files.createDirectories(target.resolve("it-djl-cache"));
        SamTemplate template = SamTemplate.load();
        Map<String, String> env = PackagedFunction.functionEnvironment(template, djlCache);
        env.put("ANOMALY_MODEL_URI", repo.toString());
        function = PackagedFunction.start(List.of(), task, PackagedFunction.ricDir(target), template.handler(), env,
                target.resolve("smoke-request-it.log"));
    }

    /** thyroid.csv with a {@code visit} id column in front, trained briefly into a repository. */
    private static Path trainThyroidWithIds(Path dir) throws IOException {
        Path source = SamTemplate.projectRoot().resolve("src/test/resources/data/thyroid.csv");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("visit," + lines.get(0) + "\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append("v-").append(i).append(',').append(lines.get(i)).append('\n');
        }
        Path data = Files.writeString(dir.resolve("thyroid-visits.csv"), csv.toString(), StandardCharsets.UTF_8);
        Path repo = dir.resolve("repo");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TrainCommand.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--data", data.toString(), "--label", "label",
                "--id", "visit", "--epochs", "5", "-q", "--output", repo.toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return repo;
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        Folders.delete(work);
    }

    @Test
    void theBodyBuiltFromGetModelScoresAndEchoesTheId() throws Exception {
        Path events = SamTemplate.projectRoot().resolve("deploy/events");
        JsonNode model = httpBody(function.invoke(Files.readString(events.resolve("http-model.json"))).body(), 200);
        assertThat(model.get("features")).extracting(JsonNode::asText)
                .containsExactly("f0", "f1", "f2", "f3", "f4", "f5");
        assertThat(model.get("idColumn").asText()).isEqualTo("visit");

        String body = smokeRequest(model.toString());
        ObjectNode event = (ObjectNode) JSON.readTree(events.resolve("http-score-valid.json").toFile());
        event.put("body", body);
        JsonNode scored = httpBody(function.invoke(event.toString()).body(), 200);
        JsonNode result = scored.get("results").get(0);
        assertThat(result.get("id").asText()).isEqualTo("smoke-1");
        assertThat(result.get("score").isNumber()).isTrue();
        assertThat(result.has("outOfDistribution")).isTrue();
    }

    /** The API Gateway response's body, after checking its status code. */
    private static JsonNode httpBody(String reply, int status) throws IOException {
        JsonNode response = JSON.readTree(reply);
        assertThat(response.path("statusCode").asInt()).as(reply).isEqualTo(status);
        return JSON.readTree(response.get("body").asText());
    }

    /** Runs deploy/smoke-request.py as smoke-test.sh does: the model summary in, a body out. */
    private static String smokeRequest(String modelJson) throws IOException, InterruptedException {
        Path script = SamTemplate.projectRoot().resolve("deploy/smoke-request.py");
        Process python = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        python.getOutputStream().write(modelJson.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        return out.strip();
    }
}
