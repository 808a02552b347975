package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Without SnapStart there is no checkpoint: the priming (SnapStartPrimingIT) must not run. */
    @Test
    void noSnapStartNoPriming() throws IOException {
        assertThat(function.runtimeApi().restoreNextCalls()).isZero();
        assertThat(function.output()).doesNotContain("SnapStart priming");
    }
}
