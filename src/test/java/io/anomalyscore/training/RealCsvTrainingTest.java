package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.TrainCommandInputTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a CSV as it comes: an id column and a text column are left out of the features
 * ({@code --id}, {@code --exclude}), the id column is recorded for scoring to echo, a text column
 * that is not left out fails with a hint naming both options, and {@code --no-promote} publishes
 * without moving {@code LATEST}.
 */
class RealCsvTrainingTest {

    @TempDir
    Path dir;

    /** Rows of the labelled 3-feature body with an id in front and a free-text note behind the label. */
    private Path csvWithIdAndNote() throws IOException {
        StringBuilder sb = new StringBuilder("patient,a,b,c,label,note\n");
        List<String> rows = TrainCommandInputTest.rows(120, 7).lines().toList();
        for (int i = 0; i < rows.size(); i++) {
            sb.append("p-").append(i).append(',').append(rows.get(i)).append(",\"seen by dr. x\"\n");
        }
        Path file = dir.resolve("visits.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static ArtifactManifest manifest(Path repo, String version) throws IOException {
        return ModelArtifact.parseManifest(Files.readAllBytes(repo.resolve(version).resolve(ModelArtifact.MANIFEST)));
    }

    @Test
    void idAndExcludedColumnsAreNeverFeaturesAndTheIdIsRecorded() throws IOException {
        Path repo = dir.resolve("repo");
        Run run = TrainCommandInputTest.train("--data", csvWithIdAndNote().toString(), "--label", "label",
                "--id", "patient", "--exclude", "note", "--epochs", "3", "-q", "--output", repo.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ArtifactManifest manifest = manifest(repo, Files.readString(repo.resolve("LATEST")).strip());
        assertThat(manifest.features()).containsExactly("a", "b", "c");
        assertThat(manifest.idColumn()).isEqualTo("patient");
        assertThat(manifest.trainingRange().width()).isEqualTo(3);
    }

    @Test
    void aTextColumnLeftInFailsWithAHintNamingTheOptions() throws IOException {
        Run run = TrainCommandInputTest.train("--data", csvWithIdAndNote().toString(), "--label", "label",
                "--exclude", "note", "--epochs", "3", "-q", "--output", dir.resolve("repo").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 2, column 1").contains("not a number: 'p-0' in column 'patient'")
                .contains("--exclude patient").contains("--id patient");
        TrainCommandInputTest.assertNoArtifact(dir.resolve("repo"));

        Run unknown = TrainCommandInputTest.train("--data", csvWithIdAndNote().toString(), "--label", "label",
                "--id", "patient", "--exclude", "notes", "-q", "--output", dir.resolve("repo").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("excluded column 'notes' not found; columns are [patient, a, b, c, label, note]");
    }

    @Test
    void noPromotePublishesTheVersionAndLeavesLatest() throws IOException {
        Path repo = dir.resolve("repo");
        String data = csvWithIdAndNote().toString();
        String[] common = {"--data", data, "--label", "label", "--id", "patient", "--exclude", "note", "--epochs", "3",
            "-q", "--output", repo.toString()};
        assertThat(TrainCommandInputTest.train(common).exitCode()).isZero();
        String first = Files.readString(repo.resolve("LATEST")).strip();

        String[] experiment = java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                java.util.stream.Stream.of("--seed", "7", "--no-promote")).toArray(String[]::new);
        Run run = TrainCommandInputTest.train(experiment);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(repo.resolve("LATEST")).strip()).isEqualTo(first);
        assertThat(run.out()).contains("LATEST unchanged (--no-promote); to serve this version: models -r " + repo
                + " promote ");
        try (var versions = Files.list(repo)) {
            assertThat(versions.filter(Files::isDirectory)).hasSize(2);
        }
    }
}
