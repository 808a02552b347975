package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bytes already in S3 (S3Mock) are verified, never overwritten: a tampered object, one created by a
 * concurrent writer, and local bytes changed after their checksum each fail the publish, naming the
 * object. Fetching reads the manifest, then exactly the objects it lists.
 */
class S3IntegrityTest {

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

    @Test
    void anExistingObjectWithOtherBytesIsAnErrorAndNothingIsTouched() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        new S3ArtifactStore(client).publish(v1, "v1", "s3://models/tampered");
        bucket.put("tampered/v1/b.bin", "tampered");
        Map<String, String> before = bucket.objects("tampered");

        S3Faults recording = new S3Faults(0);
        try (S3Client recorded = recording.client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new S3ArtifactStore(recorded).publish(v1, "v1", "s3://models/tampered"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://models/tampered/v1/b.bin already exists with other content")
                    .hasMessageContaining("LATEST unchanged");
        }
        assertThat(recording.puts).isEmpty();
        assertThat(bucket.objects("tampered")).isEqualTo(before);
    }

    @Test
    void anObjectCreatedMeanwhileIsVerifiedNeverOverwritten() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        S3Faults rival = new S3Faults(0, key -> {
            if (key.equals("race/v1/b.bin")) {
                bucket.put(key, "rival bytes"); // another publisher, between our check and our upload
            }
        });
        try (S3Client racing = rival.client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new S3ArtifactStore(racing).publish(v1, "v1", "s3://models/race"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://models/race/v1/b.bin already exists with other content");
        }
        assertThat(bucket.objects("race")).containsExactly(Map.entry("race/v1/b.bin", "rival bytes"));

        S3Faults twin = new S3Faults(0, key -> {
            if (key.equals("twin/v1/b.bin")) {
                bucket.put(key, "x b.bin"); // the same version published concurrently: same bytes
            }
        });
        try (S3Client racing = twin.client(S3.getServiceEndpoint())) {
            new S3ArtifactStore(racing).publish(v1, "v1", "s3://models/twin");
        }
        assertThat(TestArtifacts.files(new S3ArtifactStore(client).fetch("s3://models/twin", dir)))
                .isEqualTo(TestArtifacts.files(v1));
    }

    @Test
    void bytesChangedAfterTheirChecksumAreRefusedByS3() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        S3Faults changing = new S3Faults(0, key -> {
            if (key.equals("changed/v1/b.bin")) {
                rewrite(v1.resolve("b.bin"), "y b.bin"); // same length, other bytes
            }
        });
        try (S3Client racing = changing.client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new S3ArtifactStore(racing).publish(v1, "v1", "s3://models/changed"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("LATEST unchanged");
        }
        assertThat(bucket.objects("changed")).isEmpty();
    }

    private static void rewrite(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fetchReadsTheManifestThenExactlyTheFilesItLists() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        new S3ArtifactStore(client).publish(v1, "v1", "s3://models/listed");
        bucket.put("listed/v1/extra.bin", "not listed");

        S3Faults recording = new S3Faults(0);
        try (S3Client recorded = recording.client(S3.getServiceEndpoint())) {
            Path fetched = new S3ArtifactStore(recorded).fetch("s3://models/listed", dir);
            assertThat(TestArtifacts.files(fetched)).isEqualTo(TestArtifacts.files(v1));
        }
        assertThat(recording.gets).containsExactly("listed/LATEST", "listed/v1/manifest.json", "listed/v1/a.bin",
                "listed/v1/b.bin", "listed/v1/c.bin");

        bucket.delete("listed/v1/c.bin");
        assertThatThrownBy(() -> new S3ArtifactStore(client).fetch("s3://models/listed", dir))
                .isInstanceOf(StorageException.class)
                .hasMessage("s3://models/listed/v1/c.bin does not exist");
    }

    @Test
    void anArtifactWhoseManifestListsNoFilesIsNotPublished() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve(ModelArtifact.MANIFEST), "{\"formatVersion\":2}");
        assertThatThrownBy(() -> new S3ArtifactStore(client).publish(bad, "v1", "s3://models/bad"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(bad.resolve(ModelArtifact.MANIFEST).toString())
                .hasMessageContaining("lists no files");
        assertThat(bucket.objects("bad")).isEmpty();
    }
}
