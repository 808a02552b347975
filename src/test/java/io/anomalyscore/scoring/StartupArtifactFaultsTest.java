package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ManifestSealer;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.Sha256;
import io.anomalyscore.storage.S3Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artifact faults through {@link ModelLoader}, the start-up path: a local repository ({@code
 * LATEST} + version folder) holding the default model, damaged one way per test. Each load must
 * fail with a {@link ModelLoadException} naming the URI and the reason, which is what stops the
 * service from starting ({@code ModelProducer} lets it propagate out of start-up). Edits that are
 * not resealed are caught by the manifest's content hash; resealed ones ({@link ManifestSealer})
 * reach the later checks.
 */
class StartupArtifactFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Path repo;
    private Path artifact;
    private String version;
    private final ModelLoader loader = new ModelLoader(S3Settings.defaults(), ModelArtifact.DEFAULT_MAX_BYTES);

    @BeforeEach
    void publish() throws IOException {
        version = manifest(CardioRows.DEFAULT_MODEL).get("version").asText();
        repo = Files.createDirectories(root.resolve("repo"));
        artifact = Files.createDirectories(repo.resolve(version));
        for (String file : files()) {
            Files.copy(CardioRows.DEFAULT_MODEL.resolve(file), artifact.resolve(file));
        }
        Files.writeString(repo.resolve("LATEST"), version + "\n");
    }

    private static java.util.List<String> files() throws IOException {
        return ModelArtifact.listedFiles(Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)));
    }

    private static ObjectNode manifest(Path dir) throws IOException {
        return (ObjectNode) JSON.readTree(dir.resolve(ModelArtifact.MANIFEST).toFile());
    }

    private void writeManifest(ObjectNode manifest) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(artifact.resolve(ModelArtifact.MANIFEST).toFile(), manifest);
    }

    private void writeResealed(ObjectNode manifest) throws IOException {
        writeManifest(ManifestSealer.reseal(manifest));
    }

    private static ObjectNode weightsComponent(ObjectNode manifest) {
        return (ObjectNode) manifest.get("components").get(0);
    }

    private byte[] weights() throws IOException {
        return Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS));
    }

    /** Replaces the weights and records their checksum, so only the later checks can catch them. */
    private void writeWeightsWithMatchingChecksum(byte[] weights) throws IOException {
        Files.write(artifact.resolve(ModelArtifact.WEIGHTS), weights);
        ObjectNode m = manifest(artifact);
        weightsComponent(m).put("sha256", Sha256.of(weights));
        writeResealed(m);
    }

    private void fails(String... reason) {
        fails(loader, reason);
    }

    private void fails(ModelLoader with, String... reason) {
        String uri = repo.toString();
        assertThatThrownBy(() -> with.load(uri))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot load the model from " + uri + ": ")
                .hasMessageContainingAll(reason);
    }

    @Test
    void theIntactRepositoryLoads() {
        try (AnomalyModel model = loader.load(repo.toString())) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void truncatedParams() throws IOException {
        byte[] w = weights();
        Files.write(artifact.resolve(ModelArtifact.WEIGHTS), Arrays.copyOf(w, w.length / 2));
        fails("sha256 mismatch");
    }

    @Test
    void truncatedParamsWithAMatchingChecksum() throws IOException {
        byte[] w = weights();
        writeWeightsWithMatchingChecksum(Arrays.copyOf(w, w.length - 100));
        fails("the components do not fit the manifest's autoencoder");
    }

    @Test
    void oneFlippedByte() throws IOException {
        byte[] w = weights();
        w[w.length / 2] ^= 0x10;
        Files.write(artifact.resolve(ModelArtifact.WEIGHTS), w);
        fails("sha256 mismatch for weights.params");
    }

    @Test
    void sha256MismatchInTheManifest() throws IOException {
        ObjectNode m = manifest(artifact);
        weightsComponent(m).put("sha256", "0".repeat(64));
        writeResealed(m);
        fails("sha256 mismatch", "0".repeat(64));
    }

    @Test
    void manifestMissingAField() throws IOException {
        ObjectNode m = manifest(artifact);
        m.remove("threshold");
        writeResealed(m);
        fails("threshold");
    }

    @Test
    void unknownFormatVersion() throws IOException {
        ObjectNode m = manifest(artifact);
        m.put("formatVersion", 99);
        writeManifest(m);
        fails("unsupported artifact format version 99");
    }

    @Test
    void featureListInconsistentWithTheWeights() throws IOException {
        ObjectNode m = manifest(artifact);
        ((ArrayNode) m.get("features")).add("f21");
        ObjectNode pre = (ObjectNode) m.get("preprocessing");
        ((ArrayNode) pre.get("mean")).add(0.0);
        ((ArrayNode) pre.get("scale")).add(1.0);
        ((ArrayNode) m.get("trainingRange").get("zBound")).add(4.0);
        writeResealed(m);
        fails("the components do not fit the manifest's autoencoder", "22 features");
    }

    @Test
    void trainingRangeInconsistentWithTheFeatures() throws IOException {
        ObjectNode m = manifest(artifact);
        ((ArrayNode) m.get("trainingRange").get("zBound")).add(4.0);
        writeResealed(m);
        fails("trainingRange has 22 bounds for 21 features");
    }

    @Test
    void thresholdEdited() throws IOException {
        ObjectNode m = manifest(artifact);
        m.put("threshold", m.get("threshold").asDouble() * 2);
        ((ObjectNode) m.get("calibration")).put("threshold", m.get("threshold").asDouble());
        writeManifest(m);
        fails("manifest content does not match its version " + version, "edited");
    }

    @Test
    void preprocessingMeanEdited() throws IOException {
        ObjectNode m = manifest(artifact);
        ((ArrayNode) m.get("preprocessing").get("mean")).set(3, JSON.getNodeFactory().numberNode(0.5));
        writeManifest(m);
        fails("manifest content does not match its version " + version);
    }

    @Test
    void versionEdited() throws IOException {
        ObjectNode m = manifest(artifact);
        m.put("version", "0123456789abcdef");
        writeManifest(m);
        fails("manifest content does not match its version 0123456789abcdef", "content hash " + version);
    }

    @Test
    void componentSwappedForAnotherValidOne() throws IOException {
        // weights of another trained autoencoder with the same layers: valid tensors, wrong model
        byte[] other = Files.readAllBytes(Path.of("src/test/resources/fixtures/format1/autoencoder")
                .resolve(ModelArtifact.WEIGHTS));
        Files.write(artifact.resolve(ModelArtifact.WEIGHTS), other);
        fails("sha256 mismatch for weights.params");

        // and with its checksum written into the manifest too: the content hash no longer fits
        ObjectNode m = manifest(artifact);
        weightsComponent(m).put("sha256", Sha256.of(other));
        writeManifest(m);
        fails("manifest content does not match its version " + version);
    }

    @Test
    void missingComponentFile() throws IOException {
        Files.delete(artifact.resolve(ModelArtifact.WEIGHTS));
        fails("weights.params does not exist", "manifest.json lists it");
    }

    @Test
    void extraUnexpectedFile() throws IOException {
        Files.writeString(artifact.resolve("model.pt"), "torchscript?");
        fails("unexpected entry in artifact: model.pt");
    }

    @Test
    void symlinkedWeightsInsideTheArtifact() throws IOException {
        Path outside = Files.write(root.resolve("outside.params"), weights());
        Files.delete(artifact.resolve(ModelArtifact.WEIGHTS));
        Files.createSymbolicLink(artifact.resolve(ModelArtifact.WEIGHTS), outside);
        fails("unexpected entry in artifact: weights.params");
    }

    @Test
    void versionFolderSymlinkedOutsideTheRepository() throws IOException {
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        for (String file : files()) {
            Files.move(artifact.resolve(file), outside.resolve(file));
        }
        Files.delete(artifact);
        Files.createSymbolicLink(artifact, outside);
        fails("outside the repository");
    }

    @Test
    void latestEscapingWithDotDot() throws IOException {
        Files.writeString(repo.resolve("LATEST"), "../" + version + "\n");
        fails("LATEST", "invalid version");
    }

    @Test
    void latestAsAnAbsolutePath() throws IOException {
        Files.writeString(repo.resolve("LATEST"), artifact.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
        fails("LATEST", "invalid version");
    }

    @Test
    void artifactLargerThanTheConfiguredLimit() {
        ModelLoader small = new ModelLoader(S3Settings.defaults(), 10_000);
        fails(small, "over the limit of 10000");
    }

    @Test
    void latestPointingAtAMissingVersion() throws IOException {
        Files.writeString(repo.resolve("LATEST"), "0123456789abcdef\n");
        fails("points at version 0123456789abcdef, which does not exist");
    }

    @Test
    void stagingLeftoversAreNeverPicked() throws IOException {
        Path staging = Files.createDirectories(repo.resolve(".staging-feedbeef-1234"));
        Files.writeString(staging.resolve(ModelArtifact.MANIFEST), "{}");
        Files.writeString(repo.resolve("LATEST"), ".staging-feedbeef-1234\n");
        fails("LATEST", "invalid version");
    }
}
