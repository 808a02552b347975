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
            double[] expected = shipped.rawScores(rows);
            double[] actual = fresh.rawScores(rows);
            if (fresh.manifest().version().equals(shipped.manifest().version())) {
                // the machine that made the shipped model (or one with the same kernels): bit for bit
                assertThat(actual).containsExactly(expected);
                assertThat(Files.readAllBytes(retrained.resolve(ModelArtifact.WEIGHTS)))
                        .isEqualTo(Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.WEIGHTS)));
                return;
            }
            // Another CPU's BLAS kernels round differently and 200 epochs compound it: the same model
            // up to training noise, so the scores must still agree closely and rank alike.
            System.out.printf("default model reproduced as %s, not %s: comparing within tolerance%n",
                    fresh.manifest().version(), shipped.manifest().version());
            for (int i = 0; i < rows.length; i++) {
                assertThat(actual[i]).as("score of row %d", i)
                        .isCloseTo(expected[i], org.assertj.core.api.Assertions.withinPercentage(5));
            }
            assertThat(fresh.manifest().evaluation().validation().rocAuc()).isCloseTo(
                    shipped.manifest().evaluation().validation().rocAuc(), org.assertj.core.api.Assertions.within(0.02));
        }
    }
}
