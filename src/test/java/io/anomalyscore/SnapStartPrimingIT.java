package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.bench.ColdStartBench;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Everything of SnapStart up to the snapshot, on this machine: the packaged function started by the
 * AWS runtime interface client as Lambda starts a SnapStart version ({@code
 * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, the managed runtime's JVM flags, among them
 * {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}), with an empty DJL cache under a
 * fresh /tmp stand-in. The client runs the CRaC {@code beforeCheckpoint} hooks after INIT and then asks
 * the Runtime API for {@code restore/next}: that call is where Lambda takes the snapshot. By then the
 * priming must have scored through both paths, and everything the function wrote to /tmp (libtorch,
 * the JNI library) must fit SnapStart's 512 MB ephemeral storage. After the "restore" every event of
 * deploy/events/ must still give its expected result.
 *
 * <p>Not covered (needs AWS; deploy/README.md, SnapStart): the snapshot and restore themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SnapStartPrimingIT {

    /** SnapStart's ceiling for ephemeral storage (docs.aws.amazon.com/lambda/latest/dg/snapstart.html). */
    static final long SNAPSTART_TMP_BYTES = 512L * 1024 * 1024;

    private static PackagedFunction function;
    private static Path task;
    private static Path tmp;
    private static long tmpBytesAtSnapshot;
    private static String logAtSnapshot;

    @BeforeAll
    static void startUntilTheSnapshotPoint() throws Exception {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path zip = PackagedFunction.functionZip(target);
        Path ricDir = PackagedFunction.ricDir(target);
        task = Files.createTempDirectory(target, "snapstart-task-");
        PackagedFunction.unzip(zip, task);
        tmp = Files.createTempDirectory(target, "snapstart-tmp-"); // stands in for /tmp: empty, as on Lambda

        SamTemplate template = SamTemplate.load();
        Map<String, String> env = PackagedFunction.functionEnvironment(template, tmp.resolve("djl"));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        function = PackagedFunction.start(List.of(), ColdStartBench.MANAGED_RUNTIME_FLAGS, task, ricDir,
                template.handler(), env, target.resolve("snapstart-priming-it.log"));

        long deadline = System.nanoTime() + 180_000_000_000L;
        while (function.runtimeApi().restoreNextCalls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        tmpBytesAtSnapshot = bytes(tmp);
        logAtSnapshot = function.output();
    }

    @AfterAll
    static void stopFunction() throws Exception {
        if (function != null) {
            function.close();
        }
        Folders.delete(task);
        Folders.delete(tmp);
    }

    @Test
    @Order(1)
    void primingScoredThroughBothPathsBeforeTheSnapshot() {
        assertThat(function.runtimeApi().restoreNextCalls()).as("the client reached the snapshot point (restore/next); log:\n"
                + logAtSnapshot).isEqualTo(1);
        assertThat(logAtSnapshot).as("the priming ran before restore/next")
                .contains("SnapStart priming before the snapshot: direct invocation scored in ")
                .contains("API Gateway v2 event scored in ")
                .doesNotContain("FAILED");
        assertThat(logAtSnapshot.indexOf("Loaded model")).as("the model was loaded during INIT, before the priming")
                .isBetween(0, logAtSnapshot.indexOf("SnapStart priming"));
        assertThat(logAtSnapshot).as("start-up took the load EarlyStart began (anomaly.engine.early-start), and waited"
                + " for it before the priming").containsPattern("Loaded model .* \\(started early; start-up waited \\d+ ms for it\\)");
    }

    @Test
    @Order(2)
    void tmpFitsSnapStartsEphemeralStorage() {
        System.out.printf("/tmp at the snapshot point: %.1f MiB of %d MiB%n", tmpBytesAtSnapshot / 1048576.0,
                SNAPSTART_TMP_BYTES / 1048576);
        assertThat(tmpBytesAtSnapshot).as("bytes written under the /tmp stand-in (libtorch extracted by DJL)")
                .isGreaterThan(100L * 1024 * 1024) // libtorch really was extracted there, so the measure counts it
                .isLessThanOrEqualTo(SNAPSTART_TMP_BYTES);
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> afterTheRestoreEveryDeployEventGetsTheExpectedResult() throws IOException {
        return function.everyDeployEvent();
    }

    @Test
    @Order(4)
    void theRestoreHookRanOnce() throws IOException {
        assertThat(function.runtimeApi().restoreErrors()).isZero();
        assertThat(function.output()).containsOnlyOnce("SnapStart: restored from the snapshot");
    }

    private static long bytes(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
