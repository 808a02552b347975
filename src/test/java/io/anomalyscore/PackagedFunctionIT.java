package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.deploy.DistributedMapBatches;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.scoring.telemetry.EmfSpec;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * The whole cardio CSV as a Distributed Map hands it to the function (batches of anomaly.max-records
     * = 1000 rows, every value a string, an id column and a label to skip); one row of the second batch
     * is broken: that batch fails with a problem naming item, id and column, the first one scores.
     */
    @Test
    void distributedMapBatchesScoreInItemOrderAndABadRowFailsOnlyItsBatch() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, String>> rows = DistributedMapBatches.cardioVisits(1831);
        rows.get(1000 + 417).put("f11", "n/a");
        Map<String, Object> batchInput = Map.of("idColumn", "visit", "explain", false, "ignoreColumns", List.of("label"));
        List<String> payloads = DistributedMapBatches.payloads(rows, 1000, batchInput);
        assertThat(payloads).hasSize(2);

        HttpResponse<String> first = function.invoke(payloads.get(0));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode body = json.readTree(first.body());
        assertThat(body.get("rows").asInt()).isEqualTo(1000);
        List<String> ids = new ArrayList<>();
        body.get("results").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(rows.subList(0, 1000).stream().map(r -> r.get("visit")).toList());

        HttpResponse<String> second = function.invoke(payloads.get(1));
        assertThat(second.statusCode()).as("a failed invocation: " + second.body()).isEqualTo(500);
        JsonNode envelope = json.readTree(second.body());
        assertThat(envelope.get("errorType").asText()).isEqualTo("io.anomalyscore.scoring.lambda.InvalidRecordsError");
        JsonNode problem = json.readTree(envelope.get("errorMessage").asText());
        assertThat(problem.get("errors")).hasSize(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("record").asInt()).isEqualTo(417);
        assertThat(error.get("id").asText()).isEqualTo("v-1418");
        assertThat(error.get("feature").asText()).isEqualTo("f11");
        assertThat(second.body()).doesNotContain("n/a");

        rows.get(1000 + 417).put("f11", "0.25");
        HttpResponse<String> fixed = function.invoke(DistributedMapBatches.payloads(rows, 1000, batchInput).get(1));
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        assertThat(json.readTree(fixed.body()).get("rows").asInt()).isEqualTo(831);
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

    /** Without SnapStart there is no checkpoint: the priming (SnapStartPrimingIT) must not run. */
    @Test
    void noSnapStartNoPriming() throws IOException {
        assertThat(function.runtimeApi().restoreNextCalls()).isZero();
        assertThat(function.output()).doesNotContain("SnapStart priming");
    }
}
