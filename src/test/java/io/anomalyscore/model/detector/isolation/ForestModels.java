package io.anomalyscore.model.detector.isolation;

import io.anomalyscore.training.CsvDataReader;
import io.anomalyscore.training.TabularData;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the default unsupervised detector on the bundled cardio data with the real training
 * command: no {@code --label} and no {@code --detector}, the label column left out with {@code
 * --features}, as a user without labels would.
 */
final class ForestModels {

    static final String CARDIO = "src/test/resources/data/cardio.csv";

    private ForestModels() {}

    /** Trains into the repository {@code output} and returns the published version folder. */
    static Path train(Path output, long seed, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", CARDIO, "--features", features(), "--name",
                "cardio-forest", "--output", output.toString(), "--seed", Long.toString(seed), "-q"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TrainCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("training failed (exit " + exit + "): " + out.toString(StandardCharsets.UTF_8));
        }
        return output.resolve(Files.readString(output.resolve("LATEST")).strip());
    }

    /** The bundled cardio rows with their labels. */
    static TabularData cardio() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(CARDIO))) {
            return new CsvDataReader("label", List.of(), false).read(in, CARDIO);
        }
    }

    private static String features() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            names.add("f" + i);
        }
        return String.join(",", names);
    }
}
