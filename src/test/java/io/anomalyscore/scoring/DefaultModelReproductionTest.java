package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped default model ({@code src/main/resources/default-model}) is what this command
 * produces. To regenerate it (e.g. after a change to the default architecture), run the same
 * arguments with {@code --output /tmp/repo} and copy {@code /tmp/repo/<version>/*} there.
 */
class DefaultModelReproductionTest {

    /** The command that made the shipped model (one intra-op thread keeps training bit-reproducible). */
    static final String[] TRAIN_ARGS = {"--data", "src/test/resources/data/cardio.csv", "--label", "label",
        "--detector", "autoencoder", "--seed", "42", "--threads", "1", "-q"};

    @Test
    void retrainingWithTheSameSeedGivesTheShippedModel(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(TRAIN_ARGS),
                java.util.stream.Stream.of("--output", dir.toString())).toArray(String[]::new);
        int exit = TrainCommand.execute(new PrintStream(out), new PrintStream(out), args);
        assertThat(exit).as(out.toString()).isZero();
        Path retrained = dir.resolve(Files.readString(dir.resolve("LATEST")).trim());
        double[][] rows = CardioRows.all();
        try (AnomalyModel shipped = AnomalyModel.load(CardioRows.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES);
                AnomalyModel fresh = AnomalyModel.load(retrained, ModelArtifact.DEFAULT_MAX_BYTES)) {
            // bit-identical on one machine: same content-hash version, same weights, same scores
            assertThat(fresh.manifest().version()).isEqualTo(shipped.manifest().version());
            assertThat(fresh.rawScores(rows)).containsExactly(shipped.rawScores(rows));
        }
        assertThat(Files.readAllBytes(retrained.resolve(ModelArtifact.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.WEIGHTS)));
    }
}
