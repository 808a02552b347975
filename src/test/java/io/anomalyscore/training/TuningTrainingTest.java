package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.TrainCommandInputTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tune} end to end on the bundled cardio data (short trials: at most 6 epochs): the same
 * seed and trials choose the same configuration and publish the same version; rewriting every
 * test row leaves the search untouched (it never sees them) while the test metrics move; every
 * trial is in the provenance; the unlabelled objective is the declared proxy.
 */
class TuningTrainingTest {

    private static final Path CARDIO = Path.of("src/test/resources/data/cardio.csv");

    @TempDir
    Path dir;

    private static ArtifactManifest latest(Path repo) throws IOException {
        String version = Files.readString(repo.resolve("LATEST")).strip();
        return ModelArtifact.parseManifest(Files.readAllBytes(repo.resolve(version).resolve(ModelArtifact.MANIFEST)));
    }

    private ArtifactManifest tune(Path data, String repo, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--output", dir.resolve(repo).toString(),
                "--epochs", "6", "--patience", "3", "--tune", "--trials", "3", "-q"));
        args.addAll(List.of(extra));
        Run run = TrainCommandInputTest.train(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tuning     random search, 3 trials, seed 42, objective ");
        return latest(dir.resolve(repo));
    }

    /** The trials without their wall-clock times. */
    private static JsonNode timeless(JsonNode tuning) {
        ArrayNode trials = ((ArrayNode) tuning.get("trials")).deepCopy();
        trials.forEach(t -> ((ObjectNode) t).remove("seconds"));
        return trials;
    }

    @Test
    void theSameSeedAndTrialsChooseTheSameConfigurationAndVersion() throws IOException {
        ArtifactManifest a = tune(CARDIO, "a", "--label", "label", "--detector", "classifier");
        ArtifactManifest b = tune(CARDIO, "b", "--label", "label", "--detector", "classifier");
        JsonNode tuning = a.provenance().tuning();
        assertThat(tuning.get("objective").asText()).isEqualTo("validation PR-AUC");
        assertThat(tuning.get("method").asText()).isEqualTo("random search");
        assertThat(tuning.get("seed").asLong()).isEqualTo(42);
        assertThat(tuning.get("trials")).hasSize(3);
        assertThat(timeless(tuning)).isEqualTo(timeless(b.provenance().tuning()));
        assertThat(tuning.get("best")).isEqualTo(b.provenance().tuning().get("best"));
        // trial seconds are left out of the version (like createdAt); everything else is in it
        assertThat(a.version()).isEqualTo(b.version());

        int best = tuning.get("best").asInt();
        JsonNode chosen = tuning.get("trials").get(best - 1);
        for (JsonNode trial : tuning.get("trials")) {
            assertThat(chosen.get("objective").asDouble()).isGreaterThanOrEqualTo(trial.get("objective").asDouble());
            assertThat(trial.get("epochs").asInt()).isBetween(1, 6);
        }
        // the best trial's settings are what the artifact was trained with
        JsonNode parameters = chosen.get("parameters");
        assertThat(a.detectorConfig().get("hidden")).isEqualTo(parameters.get("hidden"));
        assertThat(a.provenance().hyperParameters()).containsEntry("learningRate",
                Double.toString(parameters.get("learningRate").asDouble()))
                .containsEntry("batchSize", parameters.get("batchSize").asText())
                .containsEntry("weightDecay", Double.toString(parameters.get("weightDecay").asDouble()));
        assertThat(a.provenance().epochsRun()).isEqualTo(chosen.get("epochs").asInt());
        // trial 1 is the configured settings
        assertThat(tuning.get("trials").get(0).get("parameters").get("hidden").toString()).isEqualTo("[100,50]");
    }

    @Test
    void theSearchNeverSeesTheTestRows() throws IOException {
        List<String> lines = Files.readAllLines(CARDIO, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        int labelAt = Arrays.asList(header).indexOf("label");
        int[] labels = lines.stream().skip(1).mapToInt(l -> (int) Double.parseDouble(l.split(",")[labelAt])).toArray();
        int[] test = DataSplit.of(labels.length, labels, 0.2, 0.2, 42).test();
        List<String> changed = new ArrayList<>(lines);
        for (int row : test) {
            String[] cells = lines.get(row + 1).split(",");
            for (int c = 0; c < cells.length; c++) {
                if (c != labelAt) {
                    cells[c] = String.format(Locale.ROOT, "%.6f", -3 * Double.parseDouble(cells[c]) + 1);
                }
            }
            changed.set(row + 1, String.join(",", cells));
        }
        Path altered = dir.resolve("cardio-altered.csv");
        Files.write(altered, changed, StandardCharsets.UTF_8);

        ArtifactManifest original = tune(CARDIO, "original", "--label", "label");
        ArtifactManifest other = tune(altered, "altered", "--label", "label");
        assertThat(timeless(other.provenance().tuning())).isEqualTo(timeless(original.provenance().tuning()));
        assertThat(other.provenance().tuning().get("best")).isEqualTo(original.provenance().tuning().get("best"));
        // the rewritten rows are the test split: its metrics move, the validation ones do not
        assertThat(other.evaluation().test()).isNotEqualTo(original.evaluation().test());
        assertThat(other.evaluation().validation()).isEqualTo(original.evaluation().validation());
    }

    @Test
    void withoutLabelsTheObjectiveIsTheDeclaredProxyAndLowerWins() throws IOException {
        Path data = dir.resolve("unlabelled.csv");
        Files.writeString(data, "a,b,c,label\n" + TrainCommandInputTest.rows(300, 3), StandardCharsets.UTF_8);
        ArtifactManifest m = tune(data, "unlabelled", "--detector", "autoencoder", "--exclude", "label");
        JsonNode tuning = m.provenance().tuning();
        assertThat(tuning.get("objective").asText()).isEqualTo("validation reconstruction loss (proxy: no labels)");
        assertThat(tuning.get("higherIsBetter").asBoolean()).isFalse();
        double best = tuning.get("trials").get(tuning.get("best").asInt() - 1).get("objective").asDouble();
        for (JsonNode trial : tuning.get("trials")) {
            assertThat(best).isLessThanOrEqualTo(trial.get("objective").asDouble());
        }
    }

    @Test
    void windowDetectorsSearchTheWindowLengthOnTheProxy() throws IOException {
        ArtifactManifest m = tune(Path.of("src/test/resources/series/art_daily_jumpsup.csv"), "series", "--time",
                "timestamp", "--features", "value", "--label", "label", "--detector", "conv-autoencoder",
                "--train-rows", "576", "--validation-fraction", "0.1");
        JsonNode tuning = m.provenance().tuning();
        assertThat(tuning.get("objective").asText()).contains("proxy");
        assertThat(tuning.at("/space/window").toString()).isEqualTo("[16,32,64,128]");
        JsonNode chosen = tuning.get("trials").get(tuning.get("best").asInt() - 1).get("parameters");
        assertThat(tuning.get("trials").get(0).at("/parameters/window").asInt()).isEqualTo(64);
        assertThat(m.detectorConfig().get("window")).isEqualTo(chosen.get("window"));
        assertThat(m.detectorConfig().get("hidden")).isEqualTo(chosen.get("hidden"));
        assertThat(m.provenance().hyperParameters()).containsEntry("window", chosen.get("window").asText());
    }

    @Test
    void badTuningOptionsAreInputErrors() throws IOException {
        Path out = dir.resolve("none");
        Run forest = TrainCommandInputTest.train("--data", CARDIO.toString(), "--output", out.toString(), "--label",
                "label", "--detector", "deep-isolation-forest", "--tune", "-q");
        assertThat(forest.exitCode()).isEqualTo(2);
        assertThat(forest.err()).contains("--tune does not apply to deep-isolation-forest");
        Run without = TrainCommandInputTest.train("--data", CARDIO.toString(), "--output", out.toString(),
                "--label", "label", "--trials", "4", "-q");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("need --tune");
        Run time = TrainCommandInputTest.train("--data", CARDIO.toString(), "--output", out.toString(),
                "--label", "label", "--tune", "--tune-time", "soon", "-q");
        assertThat(time.exitCode()).isEqualTo(2);
        assertThat(time.err()).contains("--tune-time must be a duration");
        TrainCommandInputTest.assertNoArtifact(out);
    }
}
