package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.network.MlpBlockFactory;
import io.anomalyscore.model.detector.network.MlpConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact format on a small hand-built autoencoder: round trip and every rejection of a
 * malformed manifest. Field checks edit the manifest and then re-seal it (recompute its version),
 * so they reach the field validation; {@code ArtifactTamperTest} covers edits that are not resealed.
 */
class ModelArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[][] RECORDS = {{1, 2, 3}, {0, 0, 0}, {-4, 10, 0.5}, {Double.NaN, 2, 3}};

    @TempDir
    Path dir;

    private Path artifact;
    private ArtifactManifest written;

    static List<FittedDetector.Part> initialWeights(int inputs, List<Integer> hidden) throws IOException {
        SequentialBlock block = MlpBlockFactory.build(hidden, inputs);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return List.of(new FittedDetector.Part(ModelArtifact.WEIGHTS, "parameters", bytes.toByteArray()));
        }
    }

    static ArtifactManifest draft(List<Integer> hidden) {
        Preprocessing preprocessing = new Preprocessing("median", new double[] {0, 1, 2}, new double[] {1, 2, 3},
                new double[] {0.5, 1.5, 2.5});
        double[] quantiles = Calibration.quantilesOf(new double[] {0.1, 0.2, 0.4, 0.8});
        Calibration calibration = new Calibration(0.7, "contamination-quantile", 0.01, quantiles);
        Provenance provenance = new Provenance("tiny.csv", "00", 4, 4, 4, 0, 0, null, "unsupervised",
                Map.of("seed", "1"), 1, 1, Map.of("djl", "test"), Map.of("cpu", "test"));
        return new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, "tiny", "", "2026-01-01T00:00:00Z",
                "autoencoder", List.of("a", "b", "c"), preprocessing, new MlpConfig(hidden).toJson(), 0.7, calibration, null,
                provenance,
                null);
    }

    @BeforeEach
    void writeArtifact() throws IOException {
        artifact = dir.resolve("artifact");
        written = ModelArtifact.write(artifact, draft(List.of(4, 2, 4)), initialWeights(3, List.of(4, 2, 4)));
    }

    private ObjectNode manifestTree() throws IOException {
        return (ObjectNode) JSON.readTree(artifact.resolve(ModelArtifact.MANIFEST).toFile());
    }

    /** Writes {@code tree} as the manifest with its version recomputed, as a careful forger would. */
    private void writeManifest(ObjectNode tree) throws IOException {
        tree.put("version", ManifestVersion.of(tree, new ObjectMapper().enable(
                com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)));
        Files.write(artifact.resolve(ModelArtifact.MANIFEST), JSON.writeValueAsBytes(tree));
    }

    @Test
    void writeFillsChecksumAndContentHashVersion() throws IOException {
        byte[] weights = Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS));

        assertThat(written.formatVersion()).isEqualTo(2);
        assertThat(written.components()).containsExactly(
                new Component(ModelArtifact.WEIGHTS, "parameters", Sha256.of(weights)));
        String expected = Sha256.of(ModelArtifact.toJson(written.withIdentity("", "", written.components())))
                .substring(0, 16);
        assertThat(written.version()).isEqualTo(expected).hasSize(16);
        assertThat(written.createdAt()).isEqualTo("2026-01-01T00:00:00Z");
        try (var entries = Files.list(artifact)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ModelArtifact.MANIFEST, ModelArtifact.WEIGHTS);
        }
    }

    @Test
    void versionIgnoresCreationTimeButNotContent() throws IOException {
        byte[] weights = Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS));
        ArtifactManifest later = draft(List.of(4, 2, 4)).withIdentity("", "2030-01-01T00:00:00Z", null);

        ArtifactManifest again = ModelArtifact.write(dir.resolve("again"), later, parts(weights));
        weights[weights.length - 1] ^= 1;
        ArtifactManifest other = ModelArtifact.write(dir.resolve("other"), later, parts(weights));

        assertThat(again.version()).isEqualTo(written.version());
        assertThat(other.version()).isNotEqualTo(written.version());
    }

    @Test
    void readAndLoadRoundTrip() throws IOException {
        ModelArtifact.Contents contents = ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES);

        assertThat(contents.manifest()).usingRecursiveComparison().isEqualTo(written);
        assertThat(contents.components()).containsOnlyKeys(ModelArtifact.WEIGHTS);
        assertThat(contents.components().get(ModelArtifact.WEIGHTS))
                .isEqualTo(Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS)));
        try (AnomalyModel first = AnomalyModel.load(contents);
                AnomalyModel second = AnomalyModel.load(artifact, ModelArtifact.DEFAULT_MAX_BYTES)) {
            RecordScore[] a = first.score(RECORDS, true);
            RecordScore[] b = second.score(RECORDS, true);
            assertThat(a).usingRecursiveFieldByFieldElementComparator().containsExactly(b);
            for (RecordScore s : a) {
                assertThat(s.score()).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(s.featureErrors()).hasSize(3);
                assertThat(s.score()).isEqualTo(java.util.Arrays.stream(s.featureErrors()).sum() / 3);
                assertThat(s.anomalous()).isEqualTo(s.score() >= 0.7);
            }
            // the first record is the fourth with its missing value imputed to the median 0.5
            assertThat(first.rawScores(new double[][] {{0.5, 2, 3}})[0]).isEqualTo(a[3].score());
        }
    }

    @Test
    void unknownFormatVersionIsRejectedByNumber() throws IOException {
        ObjectNode tree = manifestTree();
        tree.put("formatVersion", 3);
        writeManifest(tree);

        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("format version 3");
    }

    @Test
    void flippedWeightByteIsAChecksumMismatch() throws IOException {
        Path weights = artifact.resolve(ModelArtifact.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(weights, bytes);

        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("sha256 mismatch for weights.params");
    }

    @Test
    void missingManifestFieldIsRejectedByName() throws IOException {
        for (String field : List.of("name", "threshold", "features", "calibration", "detectorConfig")) {
            writeArtifact();
            ObjectNode tree = manifestTree();
            tree.remove(field);
            writeManifest(tree);

            assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                    .as(field)
                    .isInstanceOf(ArtifactFormatException.class)
                    .hasMessageContaining(field);
            deleteArtifact();
        }
    }

    @Test
    void blankOrNullManifestFieldIsRejectedByName() throws IOException {
        ObjectNode tree = manifestTree();
        tree.put("name", " ");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("name");

        tree.put("name", "tiny");
        tree.putNull("provenance");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("provenance");
    }

    @Test
    void inconsistentManifestIsRejected() throws IOException {
        ObjectNode tree = manifestTree();
        tree.putArray("features").add("a").add("b");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("2 features");

        writeArtifact();
        tree = manifestTree();
        tree.put("threshold", 0.9);
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("threshold");
    }

    @Test
    void weightsOfAnotherNetworkAreRejectedOnLoad() throws IOException {
        ModelArtifact.write(dir.resolve("mismatch"), draft(List.of(4, 2, 4)), initialWeights(3, List.of(5, 2, 5)));

        assertThatThrownBy(() -> AnomalyModel.load(dir.resolve("mismatch"), ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("do not fit the manifest's autoencoder");
    }

    @Test
    void unknownDetectorOrRoleIsRejected() throws IOException {
        ObjectNode tree = manifestTree();
        tree.put("detector", "forest-of-hope");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("unknown detector: forest-of-hope");

        writeArtifact();
        tree = manifestTree();
        ((ObjectNode) tree.get("components").get(0)).put("role", "code");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("unknown role code");
    }

    @Test
    void extraOrMissingFileIsRejected() throws IOException {
        Files.writeString(artifact.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("unexpected entry in artifact: notes.txt");

        Files.delete(artifact.resolve("notes.txt"));
        Files.delete(artifact.resolve(ModelArtifact.WEIGHTS));
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("missing file weights.params");
    }

    @Test
    void oversizedArtifactIsRejected() {
        assertThatThrownBy(() -> ModelArtifact.read(artifact, 100))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("over the limit of 100");
    }

    @Test
    void invalidJsonIsRejected() throws IOException {
        Files.writeString(artifact.resolve(ModelArtifact.MANIFEST), "{\"formatVersion\": 2,");
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    private static List<FittedDetector.Part> parts(byte[] weights) {
        return List.of(new FittedDetector.Part(ModelArtifact.WEIGHTS, "parameters", weights));
    }

    private void deleteArtifact() throws IOException {
        try (var entries = Files.list(artifact)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(artifact);
    }
}
