package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.scoring.ModelLoader;
import io.anomalyscore.storage.S3Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training command killed mid-run (a child JVM, {@code destroyForcibly}) leaves a repository
 * that already holds a published version untouched: same {@code LATEST}, no visible half artifact
 * (only hidden {@code .staging-*} or {@code .LATEST-*} leftovers are allowed), and the start-up
 * path still loads the published version, ignoring a half-written staging folder.
 */
class InterruptedTrainingTest {

    private static final Path DEFAULT_MODEL = Path.of("src/main/resources/default-model");
    private static final Path CARDIO = Path.of("src/test/resources/data/cardio.csv");

    @TempDir
    Path repo;

    @Test
    void killedTrainingLeavesTheRepositoryAsItWas() throws Exception {
        String version = Files.readString(DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST))
                .replaceAll("(?s).*\"version\" : \"([0-9a-f]+)\".*", "$1");
        Files.createDirectories(repo.resolve(version));
        for (String file : ModelArtifact.listedFiles(Files.readAllBytes(DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)))) {
            Files.copy(DEFAULT_MODEL.resolve(file), repo.resolve(version).resolve(file));
        }
        Files.writeString(repo.resolve("LATEST"), version + "\n");
        List<String> before = visible();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                TrainCommand.class.getName(), "--data", CARDIO.toString(), "--output", repo.toString(),
                "--label", "label", "--epochs", "500", "--patience", "500", "--seed", "7")
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        boolean training = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("epoch   3/")) {
                    training = true;
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(training).as("killed while training; output: %s", output).isTrue();
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();

        assertThat(Files.readString(repo.resolve("LATEST")).strip()).isEqualTo(version);
        assertThat(visible()).as("visible entries").isEqualTo(before);

        // what a kill during the copy into staging leaves behind: a hidden, half-written folder
        Path staging = Files.createDirectories(repo.resolve(".staging-0123456789abcdef-" + java.util.UUID.randomUUID()));
        Files.writeString(staging.resolve(ModelArtifact.MANIFEST), "{\"formatVersion\":1,");
        Files.writeString(repo.resolve(".LATEST-" + java.util.UUID.randomUUID()), "0123456789abcdef\n");
        try (AnomalyModel model = new ModelLoader(S3Settings.defaults(), ModelArtifact.DEFAULT_MAX_BYTES)
                .load(repo.toString())) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    /** Entries of the repository a reader could mistake for content: everything not hidden. */
    private List<String> visible() throws IOException {
        try (Stream<Path> entries = Files.list(repo)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
