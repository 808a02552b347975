package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishing to S3 (S3Mock) with faults injected into a real client, at each upload in turn: a
 * published version is never damaged, a failed attempt removes only what it created, {@code
 * LATEST} moves only on success, and a partial version is completed with its missing objects only.
 */
class S3PublishingTest {

    @RegisterExtension
    static final S3MockExtension S3 = S3Bucket.mock();

    private static final String[] COMPONENTS = {"a.bin", "b.bin", "c.bin"};

    private static S3Client client;
    private static S3Bucket bucket;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        client = S3Faults.client(S3.getServiceEndpoint(), null);
        bucket = new S3Bucket(client);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static void publishFailing(S3Faults faults, Path artifact, String version, String repository) {
        try (S3Client failing = faults.client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new S3ArtifactStore(failing).publish(artifact, version, repository))
                    .isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("publishing to " + repository + "/" + version + " failed");
        }
    }

    @Test
    void republishingTheLatestVersionWithAFailingUploadLeavesItWholeAndLoadable() throws IOException {
        String version = TestArtifacts.defaultVersion();
        new S3ArtifactStore(client).publish(TestArtifacts.DEFAULT_MODEL, version, "s3://models/same");
        Map<String, String> published = bucket.objects("same");
        assertThat(published).containsEntry("same/LATEST", version + "\n");

        // whichever upload fails (the version holds two objects, then comes LATEST), nothing of it is lost
        for (int failing = 1; failing <= 3; failing++) {
            S3Faults faults = new S3Faults(failing);
            try (S3Client failingClient = faults.client(S3.getServiceEndpoint())) {
                new S3ArtifactStore(failingClient).publish(TestArtifacts.DEFAULT_MODEL, version, "s3://models/same");
            } catch (StorageException e) {
                assertThat(e).hasMessageContaining("LATEST unchanged");
            }
            assertThat(faults.puts).as("failing upload %d: nothing re-uploaded", failing)
                    .isSubsetOf("same/LATEST");
            assertThat(bucket.objects("same")).as("failing upload %d", failing).isEqualTo(published);
        }
        publishFailing(new S3Faults(1), TestArtifacts.DEFAULT_MODEL, version, "s3://models/same");
        assertThat(bucket.objects("same")).isEqualTo(published);
        Path fetched = new S3ArtifactStore(client).fetch("s3://models/same", dir);
        try (AnomalyModel model = AnomalyModel.load(fetched, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void aFailureNeverRemovesObjectsOfTheVersionLatestNames() throws IOException {
        String version = TestArtifacts.defaultVersion();
        new S3ArtifactStore(client).publish(TestArtifacts.DEFAULT_MODEL, version, "s3://models/named");
        Map<String, String> published = bucket.objects("named");
        bucket.delete("named/" + version + "/" + ModelArtifact.WEIGHTS);

        S3Faults faults = new S3Faults(2); // the weights go up again, then LATEST fails
        publishFailing(faults, TestArtifacts.DEFAULT_MODEL, version, "s3://models/named");

        assertThat(faults.puts).containsExactly("named/" + version + "/" + ModelArtifact.WEIGHTS);
        assertThat(bucket.objects("named")).isEqualTo(published);
        try (AnomalyModel model = AnomalyModel.load(new S3ArtifactStore(client).fetch("s3://models/named", dir),
                ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void aFirstPublishFailingAtAnyUploadLeavesNothingOfItsAttempt() throws IOException {
        Path v0 = TestArtifacts.fake(dir, "v0", "old", COMPONENTS);
        Path v1 = TestArtifacts.fake(dir, "v1", "new", COMPONENTS);
        // three components, the manifest, HISTORY, then LATEST: six uploads, each the failing one in turn
        for (int failing = 1; failing <= 6; failing++) {
            String prefix = "first" + failing;
            new S3ArtifactStore(client).publish(v0, "v0", "s3://models/" + prefix);
            Map<String, String> before = bucket.objects(prefix);

            S3Faults faults = new S3Faults(failing);
            publishFailing(faults, v1, "v1", "s3://models/" + prefix);

            // a failed LATEST upload is followed by one more: HISTORY put back as it was
            assertThat(faults.puts).hasSize(failing == 6 ? 6 : failing - 1);
            assertThat(bucket.objects(prefix)).as("failing upload %d", failing).isEqualTo(before);
        }
    }

    @Test
    void uploadsGoComponentsFirstThenTheManifestThenLatest() throws IOException {
        S3Faults recording = new S3Faults(0);
        try (S3Client recorded = recording.client(S3.getServiceEndpoint())) {
            new S3ArtifactStore(recorded).publish(TestArtifacts.fake(dir, "v1", "x", COMPONENTS), "v1",
                    "s3://models/order");
        }
        assertThat(recording.puts).containsExactly("order/v1/a.bin", "order/v1/b.bin", "order/v1/c.bin",
                "order/v1/manifest.json", "order/HISTORY", "order/LATEST");
    }

    @Test
    void aPartialVersionGetsOnlyItsMissingObjects() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        bucket.put("partial/v1/a.bin", "x a.bin"); // what an interrupted attempt whose cleanup failed leaves

        S3Faults faults = new S3Faults(2); // b.bin goes up, c.bin fails
        publishFailing(faults, v1, "v1", "s3://models/partial");
        assertThat(bucket.objects("partial")).containsOnlyKeys("partial/v1/a.bin");

        S3Faults recording = new S3Faults(0);
        try (S3Client recorded = recording.client(S3.getServiceEndpoint())) {
            new S3ArtifactStore(recorded).publish(v1, "v1", "s3://models/partial");
        }
        assertThat(recording.puts).containsExactly("partial/v1/b.bin", "partial/v1/c.bin",
                "partial/v1/manifest.json", "partial/HISTORY", "partial/LATEST");
        Path fetched = new S3ArtifactStore(client).fetch("s3://models/partial", dir);
        assertThat(TestArtifacts.files(fetched)).isEqualTo(TestArtifacts.files(v1));
    }
}
