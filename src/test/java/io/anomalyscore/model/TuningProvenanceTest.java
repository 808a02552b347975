package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code provenance.tuning} in the artifact: stored as given and read back; absent (not null)
 * without a search, so manifests written before it existed still verify and load; covered by the
 * version except each trial's wall-clock {@code seconds}.
 */
class TuningProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode record() throws IOException {
        return JSON.readTree("""
                {"objective": "validation PR-AUC", "method": "random search", "seed": 42,
                 "trials": [{"trial": 1, "parameters": {"hidden": [4, 2, 4], "learningRate": 0.001}, "objective": 0.5,
                             "epochs": 3, "seconds": 1.25},
                            {"trial": 2, "parameters": {"hidden": [8], "learningRate": 0.003}, "objective": 0.75,
                             "epochs": 2, "seconds": 0.5}],
                 "best": 2}""");
    }

    private Path write(String name, ArtifactManifest draft) throws IOException {
        Path artifact = dir.resolve(name);
        ModelArtifact.write(artifact, draft, ModelArtifactTest.initialWeights(3, List.of(4, 2, 4)));
        return artifact;
    }

    private static ArtifactManifest tuned(JsonNode record) {
        ArtifactManifest plain = ModelArtifactTest.draft(List.of(4, 2, 4));
        return new ArtifactManifest(plain.formatVersion(), plain.name(), "", plain.createdAt(), plain.detector(),
                plain.features(), plain.preprocessing(), plain.detectorConfig(), plain.threshold(),
                plain.calibration(), plain.evaluation(), plain.provenance().withTuning(record), null);
    }

    @Test
    void theRecordIsStoredAndReadBack() throws IOException {
        Path artifact = write("tuned", tuned(record()));
        ArtifactManifest read = ModelArtifact.read(artifact, Long.MAX_VALUE).manifest();
        assertThat(read.provenance().tuning()).isEqualTo(record());
    }

    @Test
    void withoutASearchTheFieldIsAbsentAndSuchManifestsLoad() throws IOException {
        Path artifact = write("plain", ModelArtifactTest.draft(List.of(4, 2, 4)));
        JsonNode tree = JSON.readTree(artifact.resolve(ModelArtifact.MANIFEST).toFile());
        assertThat(tree.get("provenance").has("tuning")).isFalse();
        assertThat(ModelArtifact.read(artifact, Long.MAX_VALUE).manifest().provenance().tuning()).isNull();
    }

    @Test
    void theVersionCoversTheTrialsButNotTheirSeconds() throws IOException {
        Path artifact = write("tuned", tuned(record()));
        Path manifest = artifact.resolve(ModelArtifact.MANIFEST);
        String original = Files.readString(manifest);

        ObjectNode slower = (ObjectNode) JSON.readTree(original);
        ((ObjectNode) slower.at("/provenance/tuning/trials/0")).put("seconds", 99.0);
        Files.write(manifest, new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(slower));
        assertThat(ModelArtifact.read(artifact, Long.MAX_VALUE).manifest().provenance().tuning()
                .at("/trials/0/seconds").asDouble()).isEqualTo(99.0);

        ObjectNode better = (ObjectNode) JSON.readTree(original);
        ((ObjectNode) better.at("/provenance/tuning/trials/0")).put("objective", 0.9);
        Files.write(manifest, new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(better));
        assertThatThrownBy(() -> ModelArtifact.read(artifact, Long.MAX_VALUE))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("does not match its version");
    }
}
