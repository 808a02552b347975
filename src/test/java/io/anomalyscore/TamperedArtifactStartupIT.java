package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.deploy.PackagedFunction;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged function does not start on a tampered artifact: the default model with its
 * threshold edited (version left as it was) in a local repository, served through {@code
 * ANOMALY_MODEL_URI}, under the AWS runtime interface client. INIT must fail with Quarkus not
 * started, and the log name the artifact and the reason. (The client then waits for Lambda to
 * recycle the environment, so the process itself stays up until the test stops it.)
 */
public class TamperedArtifactStartupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void initFailsNamingTheArtifactAndTheReason() throws Exception {
        Path target = SamTemplate.projectRoot().resolve("target");
        Path task = Files.createTempDirectory(target, "lambda-task-");
        Path repo = Files.createTempDirectory(target, "tampered-repo-");
        try {
            PackagedFunction.unzip(PackagedFunction.functionZip(target), task);
            Path source = SamTemplate.projectRoot().resolve("src/main/resources/default-model");
            ObjectNode manifest = (ObjectNode) JSON.readTree(source.resolve(ModelArtifact.MANIFEST).toFile());
            String version = manifest.get("version").asText();
            Path artifact = Files.createDirectories(repo.resolve(version));
            for (String file : ModelArtifact.listedFiles(Files.readAllBytes(source.resolve(ModelArtifact.MANIFEST)))) {
                Files.copy(source.resolve(file), artifact.resolve(file));
            }
            manifest.put("threshold", 0.5);
            ((ObjectNode) manifest.get("calibration")).put("threshold", 0.5);
            JSON.writerWithDefaultPrettyPrinter().writeValue(artifact.resolve(ModelArtifact.MANIFEST).toFile(), manifest);
            Files.writeString(repo.resolve("LATEST"), version + "\n");

            Path djlCache = Files.createDirectories(target.resolve("it-djl-cache"));
            Map<String, String> env = PackagedFunction.functionEnvironment(SamTemplate.load(), djlCache);
            env.put("ANOMALY_MODEL_URI", repo.toString());
            try (PackagedFunction function = PackagedFunction.start(List.of(), task,
                    PackagedFunction.ricDir(target), SamTemplate.load().handler(), env,
                    target.resolve("tampered-artifact-it.log"))) {
                String output = awaitOutput(function, "Failed to start quarkus", Duration.ofMinutes(3));
                assertThat(output)
                        .contains("Failed to start quarkus")
                        .contains("cannot load the model from " + repo)
                        .contains("manifest content does not match its version " + version);
            }
        } finally {
            Folders.delete(task);
            Folders.delete(repo);
        }
    }

    /** The function's output once it contains {@code marker}, or at {@code limit} (a liveness bound). */
    private static String awaitOutput(PackagedFunction function, String marker, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        String output = function.output();
        while (!output.contains(marker) && System.nanoTime() < end) {
            Thread.sleep(250);
            output = function.output();
        }
        return output;
    }
}
