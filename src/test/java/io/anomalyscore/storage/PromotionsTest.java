package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishing without promoting, promoting and rolling back, in a local folder and in S3 (S3Mock):
 * {@code HISTORY} records each move before {@code LATEST} is written, a rollback undoes the last
 * promotion, and a version that fails verification, or a {@code LATEST} that {@code HISTORY} does
 * not explain, changes nothing.
 */
class PromotionsTest {

    @RegisterExtension
    static final S3MockExtension S3 = S3Bucket.mock();

    private static S3Client client;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        client = S3Faults.client(S3.getServiceEndpoint(), null);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    static Stream<String> kinds() {
        return Stream.of("local", "s3");
    }

    /** A fresh, empty repository of {@code kind}, and the store for it. */
    private record Repo(ArtifactStore store, String location) {
        Promotions promotions() {
            return new Promotions(store, location);
        }
    }

    private Repo repo(String kind) {
        String name = "repo-" + UUID.randomUUID();
        return kind.equals("local") ? new Repo(new LocalArtifactStore(), dir.resolve(name).toString())
                : new Repo(new S3ArtifactStore(client), "s3://" + S3Bucket.NAME + "/" + name);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void promoteThenRollBackStepByStep(String kind) throws IOException {
        Repo repo = repo(kind);
        Path a = ModelVariants.variant(dir, "a-" + kind);
        Path b = ModelVariants.variant(dir, "b-" + kind);
        String va = ModelVariants.version(a);
        String vb = ModelVariants.version(b);
        repo.store().publish(a, va, repo.location(), true);
        repo.store().publish(b, vb, repo.location(), false);
        ModelRepository models = repo.promotions().repository();
        assertThat(models.latest()).as("--no-promote leaves LATEST").contains(va);
        assertThat(models.versions()).containsExactlyInAnyOrder(va, vb);

        assertThat(repo.promotions().promote(vb, "better F1")).isTrue();
        assertThat(models.latest()).contains(vb);
        assertThat(repo.promotions().promote(vb, "again")).as("already LATEST").isFalse();

        assertThat(repo.promotions().rollback("alerts doubled")).isEqualTo(va);
        assertThat(models.latest()).contains(va);
        List<HistoryEntry> history = models.history();
        assertThat(history).extracting(HistoryEntry::action, HistoryEntry::version, HistoryEntry::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("promote", va, "published"),
                org.assertj.core.groups.Tuple.tuple("promote", vb, "better F1"),
                org.assertj.core.groups.Tuple.tuple("rollback", va, "alerts doubled"));

        assertThatThrownBy(() -> repo.promotions().rollback("once more")).isInstanceOf(StorageException.class)
                .hasMessageContaining("nothing to roll back to");
        assertThat(models.latest()).contains(va);
        assertThat(models.history()).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDamagedOrMisnamedVersionIsNeverPromoted(String kind) throws IOException {
        Repo repo = repo(kind);
        Path a = ModelVariants.variant(dir, "a-" + kind);
        String va = ModelVariants.version(a);
        repo.store().publish(a, va, repo.location(), true);
        Path b = ModelVariants.variant(dir, "b-" + kind);
        String vb = ModelVariants.version(b);
        Files.writeString(b.resolve(ModelArtifact.WEIGHTS), "not the weights the manifest lists");
        repo.store().publish(b, vb, repo.location(), false);
        repo.store().publish(ModelVariants.variant(dir, "c-" + kind), "renamed", repo.location(), false);
        ModelRepository models = repo.promotions().repository();
        List<HistoryEntry> before = models.history();

        assertThatThrownBy(() -> repo.promotions().promote(vb, "x")).isInstanceOf(StorageException.class)
                .hasMessageContaining("version " + vb + " fails verification").hasMessageContaining("sha256 mismatch");
        assertThatThrownBy(() -> repo.promotions().promote("renamed", "x")).isInstanceOf(StorageException.class)
                .hasMessageContaining("holds version");
        assertThatThrownBy(() -> repo.promotions().promote("no-such-version", "x"))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> repo.promotions().promote("../escape", "x")).isInstanceOf(StorageException.class)
                .hasMessageContaining("invalid version");
        assertThat(models.latest()).contains(va);
        assertThat(models.history()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLatestWrittenByHandIsNotRolledBackBlindly(String kind) throws IOException {
        Repo repo = repo(kind);
        Path a = ModelVariants.variant(dir, "a-" + kind);
        Path b = ModelVariants.variant(dir, "b-" + kind);
        repo.store().publish(a, ModelVariants.version(a), repo.location(), true);
        repo.store().publish(b, ModelVariants.version(b), repo.location(), false);
        writeLatestByHand(kind, repo.location(), ModelVariants.version(b));

        assertThatThrownBy(() -> repo.promotions().rollback("x")).isInstanceOf(StorageException.class)
                .hasMessageContaining("but LATEST names " + ModelVariants.version(b))
                .hasMessageContaining("models promote VERSION");
        assertThat(repo.promotions().repository().latest()).contains(ModelVariants.version(b));
    }

    @org.junit.jupiter.api.Test
    void aFailedLatestWriteRetractsItsHistoryEntry() throws IOException {
        Repo repo = repo("s3");
        Path a = ModelVariants.variant(dir, "a-fault");
        Path b = ModelVariants.variant(dir, "b-fault");
        repo.store().publish(a, ModelVariants.version(a), repo.location(), true);
        repo.store().publish(b, ModelVariants.version(b), repo.location(), false);
        List<HistoryEntry> before = repo.promotions().repository().history();

        S3Faults faults = new S3Faults(2); // HISTORY goes up, then the LATEST upload fails
        try (S3Client failing = faults.client(S3.getServiceEndpoint())) {
            assertThatThrownBy(() -> new Promotions(new S3ArtifactStore(failing), repo.location())
                    .promote(ModelVariants.version(b), "x")).isInstanceOf(StorageException.class);
        }
        assertThat(faults.puts).as("HISTORY, then HISTORY put back").hasSize(2);
        assertThat(repo.promotions().repository().history()).isEqualTo(before);
        assertThat(repo.promotions().repository().latest()).contains(ModelVariants.version(a));
    }

    private static void writeLatestByHand(String kind, String location, String version) throws IOException {
        if (kind.equals("local")) {
            Files.writeString(Path.of(location, ArtifactStore.LATEST), version + "\n");
        } else {
            S3Location latest = S3Location.parse(location).resolve(ArtifactStore.LATEST);
            client.putObject(b -> b.bucket(latest.bucket()).key(latest.key()), RequestBody.fromString(version + "\n"));
        }
    }
}
