package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.Sha256;
import io.anomalyscore.training.TrainingInputException;
import io.anomalyscore.training.TrainingOptions;
import io.anomalyscore.training.TrainingPipeline;
import io.anomalyscore.training.TrainingProgress;
import io.anomalyscore.training.TrainingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Training, publishing and fetching over the real S3 protocol against an in-process Adobe S3Mock:
 * data read from S3, artifact published to S3, LATEST written last and left alone on failure.
 */
class S3ArtifactStoreTest {

    static {
        // S3Mock's Spring Boot would insist on Logback, but the JBoss log manager owns SLF4J here
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("models").withProperty("com.adobe.testing.s3mock.region", "us-east-1").build();

    private static final String CARDIO = "src/test/resources/data/cardio.csv";

    private static S3Client client;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        // S3Clients uses the default credential chain; system properties come first in it
        System.setProperty("aws.accessKeyId", "test-key");
        System.setProperty("aws.secretAccessKey", "test-secret");
        client = S3Clients.create(new S3Settings(Optional.of(S3.getServiceEndpoint()), Optional.of("us-east-1"),
                true, 3, Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static TrainingOptions options(String data, String output) {
        return new TrainingOptions(data, output, "cardio", "label", List.of(), "autoencoder", false,
                false, 0.2, 0.2, 3, 15, 64, 0.001, 42, 0.01, List.of(), 1);
    }

    private static TrainingReport train(S3Client s3, TrainingOptions options) throws IOException {
        return new TrainingPipeline(new ArtifactStores(() -> s3), TrainingProgress.silent(), Clock.systemUTC())
                .run(options);
    }

    private static String latest(String prefix) {
        return client.getObjectAsBytes(b -> b.bucket("models").key(prefix + "/LATEST"))
                .asString(StandardCharsets.UTF_8).strip();
    }

    private static List<String> keys(String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket("models").prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Test
    void trainsFromS3PublishesToS3AndFetchesTheSameModel() throws IOException {
        client.putObject(b -> b.bucket("models").key("data/cardio.csv"), RequestBody.fromFile(Path.of(CARDIO)));

        TrainingReport report = train(client, options("s3://models/data/cardio.csv", "s3://models/cardio"));

        String version = report.manifest().version();
        assertThat(report.location()).isEqualTo("s3://models/cardio/" + version);
        assertThat(latest("cardio")).isEqualTo(version);
        assertThat(keys("cardio/")).containsExactlyInAnyOrder("cardio/HISTORY", "cardio/LATEST", "cardio/" + version + "/manifest.json",
                "cardio/" + version + "/weights.params", "cardio/" + version + "/report.html");
        // the report travels with the artifact, listed with the sha256 of the bytes in the bucket
        byte[] html = client.getObjectAsBytes(b -> b.bucket("models").key("cardio/" + version + "/report.html"))
                .asByteArray();
        assertThat(html.length).isGreaterThan(10_000);
        assertThat(report.manifest().component("report.html")).hasValueSatisfying(c -> {
            assertThat(c.role()).isEqualTo("report");
            assertThat(c.sha256()).isEqualTo(Sha256.of(html));
        });

        Path fetched = new S3ArtifactStore(client).fetch("s3://models/cardio", dir);
        ArtifactManifest manifest = ModelArtifact.read(fetched, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        assertThat(manifest.version()).isEqualTo(version);
        assertThat(manifest.provenance().dataSource()).isEqualTo("s3://models/data/cardio.csv");
        Path byVersion = new S3ArtifactStore(client).fetch("s3://models/cardio/" + version, dir);
        assertThat(Files.readAllBytes(byVersion.resolve("weights.params")))
                .isEqualTo(Files.readAllBytes(fetched.resolve("weights.params")));

        // the same run on local files trains the same weights (the version differs: it names the source)
        TrainingReport local = train(client, options(CARDIO, dir.resolve("local").toString()));
        assertThat(local.manifest().component(ModelArtifact.WEIGHTS)).isEqualTo(manifest.component(ModelArtifact.WEIGHTS));
        assertThat(local.manifest().provenance().dataSha256()).isEqualTo(manifest.provenance().dataSha256());
        double[][] rows = new double[40][21];
        for (int i = 0; i < rows.length; i++) {
            Arrays.fill(rows[i], (i - 20) / 10.0);
        }
        try (AnomalyModel fromS3 = AnomalyModel.load(fetched, ModelArtifact.DEFAULT_MAX_BYTES);
                AnomalyModel fromDisk = AnomalyModel.load(Path.of(local.location()), ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(fromS3.rawScores(rows)).containsExactly(fromDisk.rawScores(rows));
        }
    }

    @Test
    void missingDataObjectIsAnInputError() {
        assertThatThrownBy(() -> train(client, options("s3://models/data/none.csv", "s3://models/none")))
                .isInstanceOf(TrainingInputException.class)
                .hasMessageContaining("s3://models/data/none.csv");
        assertThat(keys("none")).isEmpty();
    }

    @Test
    void unwritableBucketFailsBeforeTraining() throws IOException {
        Path data = dir.resolve("data.csv");
        Files.copy(Path.of(CARDIO), data);
        assertThatThrownBy(() -> train(client, options(data.toString(), "s3://no-such-bucket/cardio")))
                .isInstanceOf(TrainingInputException.class)
                .hasMessageContaining("s3://no-such-bucket/cardio is not writable");
    }

    private Path fakeArtifact(String content) throws IOException {
        return TestArtifacts.fake(dir, content, content, ModelArtifact.WEIGHTS);
    }

    @Test
    void publishingToAMissingBucketFailsWithoutLatest() throws IOException {
        S3ArtifactStore store = new S3ArtifactStore(client);

        assertThatThrownBy(() -> store.publish(fakeArtifact("v1"), "v1", "s3://no-such-bucket/repo"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("LATEST unchanged");
        assertThatThrownBy(() -> store.fetch("s3://no-such-bucket/repo", dir)).isInstanceOf(StorageException.class);
    }

    @Test
    void failureMidwayLeavesThePreviousLatestAndNoPartialVersion() throws IOException {
        new S3ArtifactStore(client).publish(fakeArtifact("v1"), "v1", "s3://models/rollback");
        assertThat(latest("rollback")).isEqualTo("v1");

        // the second PutObject is the manifest: the weights are up by then, and must go again
        try (S3Client failing = new S3Faults(2).client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new S3ArtifactStore(failing).publish(fakeArtifact("v2"), "v2",
                    "s3://models/rollback"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://models/rollback/v2")
                    .hasMessageContaining("LATEST unchanged");
        }

        assertThat(latest("rollback")).isEqualTo("v1");
        assertThat(keys("rollback/")).containsExactly("rollback/HISTORY", "rollback/LATEST", "rollback/v1/manifest.json",
                "rollback/v1/weights.params");
        Path fetched = new S3ArtifactStore(client).fetch("s3://models/rollback", dir);
        assertThat(Files.readString(fetched.resolve(ModelArtifact.WEIGHTS))).isEqualTo("v1 weights.params");
    }

    @Test
    void latestPointingOutsideTheRepositoryIsRejected() {
        client.putObject(b -> b.bucket("models").key("evil/LATEST"), RequestBody.fromString("../cardio\n"));
        assertThatThrownBy(() -> new S3ArtifactStore(client).fetch("s3://models/evil", dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("invalid version");

        client.putObject(b -> b.bucket("models").key("dangling/LATEST"), RequestBody.fromString("v9\n"));
        assertThatThrownBy(() -> new S3ArtifactStore(client).fetch("s3://models/dangling", dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("s3://models/dangling/v9/manifest.json does not exist");
    }
}
