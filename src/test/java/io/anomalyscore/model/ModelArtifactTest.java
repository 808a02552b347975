package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The artifact format on a small hand-built autoencoder: round trip and every rejection. */
class ModelArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[][] RECORDS = {{1, 2, 3}, {0, 0, 0}, {-4, 10, 0.5}, {Double.NaN, 2, 3}};

    @TempDir
    Path dir;

    private Path artifact;
    private ArtifactManifest written;

    static byte[] initialWeights(Architecture architecture) throws IOException {
        SequentialBlock block = NetworkBlockFactory.build(architecture);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, architecture.inputs()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }
    }

    static ArtifactManifest draft(List<Integer> hidden) {
        Preprocessing preprocessing = new Preprocessing("median", new double[] {0, 1, 2}, new double[] {1, 2, 3},
                new double[] {0.5, 1.5, 2.5});
        double[] quantiles = Calibration.quantilesOf(new double[] {0.1, 0.2, 0.4, 0.8});
        Calibration calibration = new Calibration(0.7, "contamination-quantile", 0.01, quantiles);
        Provenance provenance = new Provenance("tiny.csv", "00", 4, 4, 4, 0, null, "unsupervised",
                Map.of("seed", "1"), 1, 1, Map.of("djl", "test"));
        return new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, "tiny", "", "2026-01-01T00:00:00Z",
                "autoencoder", List.of("a", "b", "c"), preprocessing, hidden, 0.7, calibration, null, provenance,
                null);
    }

    @BeforeEach
    void writeArtifact() throws IOException {
        artifact = dir.resolve("artifact");
        Architecture architecture = new Architecture(DetectorType.AUTOENCODER, 3, List.of(4, 2, 4));
        written = ModelArtifact.write(artifact, draft(architecture.hidden()), initialWeights(architecture));
    }

    private ObjectNode manifestTree() throws IOException {
        return (ObjectNode) JSON.readTree(artifact.resolve(ModelArtifact.MANIFEST).toFile());
    }

    private void writeManifest(ObjectNode tree) throws IOException {
        Files.write(artifact.resolve(ModelArtifact.MANIFEST), JSON.writeValueAsBytes(tree));
    }

    @Test
    void writeFillsChecksumAndContentHashVersion() throws IOException {
        byte[] weights = Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS));

        assertThat(written.files()).containsExactly(Map.entry(ModelArtifact.WEIGHTS, Sha256.of(weights)));
        String expected = Sha256.of(ModelArtifact.toJson(written.withIdentity("", "", written.files())))
                .substring(0, 16);
        assertThat(written.version()).isEqualTo(expected).hasSize(16);
        assertThat(written.createdAt()).isEqualTo("2026-01-01T00:00:00Z");
        try (var entries = Files.list(artifact)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(ModelArtifact.FILES);
        }
    }

    @Test
    void versionIgnoresCreationTimeButNotContent() throws IOException {
        Architecture architecture = new Architecture(DetectorType.AUTOENCODER, 3, List.of(4, 2, 4));
        byte[] weights = Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS));
        ArtifactManifest later = draft(architecture.hidden()).withIdentity("", "2030-01-01T00:00:00Z", null);

        ArtifactManifest again = ModelArtifact.write(dir.resolve("again"), later, weights);
        weights[weights.length - 1] ^= 1;
        ArtifactManifest other = ModelArtifact.write(dir.resolve("other"), later, weights);

        assertThat(again.version()).isEqualTo(written.version());
        assertThat(other.version()).isNotEqualTo(written.version());
    }

    @Test
    void readAndLoadRoundTrip() throws IOException {
        ModelArtifact.Contents contents = ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES);

        assertThat(contents.manifest()).usingRecursiveComparison().isEqualTo(written);
        assertThat(contents.weights()).isEqualTo(Files.readAllBytes(artifact.resolve(ModelArtifact.WEIGHTS)));
        try (AnomalyModel first = AnomalyModel.load(contents);
                AnomalyModel second = AnomalyModel.load(artifact, ModelArtifact.DEFAULT_MAX_BYTES)) {
            RecordScore[] a = first.score(RECORDS, true);
            RecordScore[] b = second.score(RECORDS, true);
            assertThat(a).usingRecursiveFieldByFieldElementComparator().containsExactly(b);
            for (RecordScore s : a) {
                assertThat(s.score()).isFinite().isGreaterThanOrEqualTo(0);
                assertThat(s.featureErrors()).hasSize(3);
                assertThat(s.score()).isEqualTo(Scores.mean(s.featureErrors()));
                assertThat(s.anomalous()).isEqualTo(s.score() >= 0.7);
            }
            // the first record is the fourth with its missing value imputed to the median 0.5
            assertThat(first.rawScores(new double[][] {{0.5, 2, 3}})[0]).isEqualTo(a[3].score());
        }
    }

    @Test
    void unknownFormatVersionIsRejectedByNumber() throws IOException {
        ObjectNode tree = manifestTree();
        tree.put("formatVersion", 2);
        writeManifest(tree);

        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("format version 2");
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
        for (String field : List.of("name", "threshold", "features", "calibration", "files")) {
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
        tree.put("version", " ");
        writeManifest(tree);
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class).hasMessageContaining("version");

        tree.put("version", "abc");
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
        Architecture other = new Architecture(DetectorType.AUTOENCODER, 3, List.of(5, 2, 5));
        ModelArtifact.write(dir.resolve("mismatch"), draft(List.of(4, 2, 4)), initialWeights(other));

        assertThatThrownBy(() -> AnomalyModel.load(dir.resolve("mismatch"), ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("weights do not match");
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
        Files.writeString(artifact.resolve(ModelArtifact.MANIFEST), "{\"formatVersion\": 1,");
        assertThatThrownBy(() -> ModelArtifact.read(artifact, ModelArtifact.DEFAULT_MAX_BYTES))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("not valid JSON");
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
