package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.scoring.telemetry.EmfSpec;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged {@code target/function.zip}, run the way the Lambda {@code java21} runtime runs it:
 * unzipped into a task folder, started by the AWS runtime interface client
 * in a child JVM with the handler and environment of {@code template.yaml}, fed every event of
 * {@code deploy/events/} through Quarkus's mock Runtime API, each checked against
 * {@code deploy/events/expectations.json}.
 */
public class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PackagedFunction function;
    private static Path task;

    @BeforeAll
    static void startFunction() throws Exception {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path zip = PackagedFunction.functionZip(target);
        Path ricDir = PackagedFunction.ricDir(target);

        task = Files.createTempDirectory(target, "lambda-task-");
        PackagedFunction.unzip(zip, task);
        // One DJL cache for every run of this IT: libtorch is extracted once (a few seconds), then reused.
        Path djlCache = target.resolve("it-djl-cache");
        Files.createDirectories(djlCache);

        SamTemplate template = SamTemplate.load();
        function = PackagedFunction.start(List.of(), task, ricDir, template.handler(),
                PackagedFunction.functionEnvironment(template, djlCache), target.resolve("packaged-function-it.log"));
    }

    @AfterAll
    static void stopFunction() throws Exception {
        if (function != null) {
            function.close();
        }
        Folders.delete(task); // ~130 MB unzipped
    }

    @TestFactory
    Stream<DynamicTest> everyDeployEventGetsTheExpectedResult() throws IOException {
        return function.everyDeployEvent();
    }

    /**
     * The function's own output, as CloudWatch Logs would receive it: one JSON line per scoring
     * request, each a valid Embedded Metric Format document (docs/REFERENCE.md, Logs and metrics)
     * carrying the Lambda request id the runtime interface client saw, and no submitted value.
     */
    @Test
    void everyScoringRequestLeavesOneEmfLine() throws Exception {
        String event = Files.readString(SamTemplate.projectRoot().resolve("deploy/events/direct-valid.json"));
        assertThat(function.invoke(event).statusCode()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : function.output().split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("EMF lines in the function's output").isNotEmpty();
        for (JsonNode line : lines) {
            assertThat(EmfSpec.violations(line)).as(line.toString()).isEmpty();
            assertThat(line.path("requestId").asText()).as(line.toString()).isNotBlank();
            assertThat(line.path("ModelName").asText()).isEqualTo("cardio");
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("AnomalyScorer");
        }
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("outcome").asText()).isEqualTo("scored");
        assertThat(last.path("RecordsScored").asInt()).isEqualTo(JSON.readTree(event).path("records").size());
        assertThat(lines.stream().map(l -> l.path("requestId").asText()).distinct().count())
                .as("one line per invocation").isEqualTo(lines.size());
    }
}
