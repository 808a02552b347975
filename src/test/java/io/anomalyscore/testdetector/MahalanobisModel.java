package io.anomalyscore.testdetector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.anomalyscore.training.TrainCommand;

/** Trains the test-only detector on the bundled cardio data with the real training command. */
final class MahalanobisModel {

    private MahalanobisModel() {}

    /** Trains into the repository {@code output} and returns the published version folder. */
    static Path train(Path output) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TrainCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), "--data", "src/test/resources/data/cardio.csv",
                "--label", "label", "--detector", MahalanobisKind.NAME, "--name", "cardio-mahalanobis",
                "--output", output.toString(), "-q");
        if (exit != 0) {
            throw new IllegalStateException("training failed (exit " + exit + "): " + out.toString(StandardCharsets.UTF_8));
        }
        return output.resolve(Files.readString(output.resolve("LATEST")).strip());
    }
}
