package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to a local repository with faults injected before its writes: a published version
 * is never damaged, a failed attempt removes only what it created, {@code LATEST} moves only on
 * success, and no hidden leftover remains.
 */
class LocalPublishingTest {

    private static final String[] COMPONENTS = {"a.bin", "b.bin", "c.bin"};

    @TempDir
    Path dir;

    private Path repo() {
        return dir.resolve("repo");
    }

    /** Every entry of the repository, hidden ones included. */
    private List<String> entries() throws IOException {
        try (Stream<Path> entries = Files.list(repo())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Object fileKey(String path) throws IOException {
        return Files.readAttributes(repo().resolve(path), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private void publishFailing(LocalFaults faults, Path artifact, String version) {
        assertThatThrownBy(() -> new LocalArtifactStore(faults).publish(artifact, version, repo().toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("publishing to " + repo().resolve(version) + " failed (LATEST unchanged)");
    }

    @Test
    void republishingTheLatestVersionWithAFailureLeavesItWholeAndLoadable() throws IOException {
        String version = TestArtifacts.defaultVersion();
        new LocalArtifactStore().publish(TestArtifacts.DEFAULT_MODEL, version, repo().toString());
        Map<String, String> published = TestArtifacts.files(repo());
        Object weights = fileKey(version + "/" + ModelArtifact.WEIGHTS);

        for (int failing = 1; failing <= 3; failing++) {
            LocalFaults faults = new LocalFaults(failing);
            try {
                new LocalArtifactStore(faults).publish(TestArtifacts.DEFAULT_MODEL, version, repo().toString());
            } catch (StorageException e) {
                assertThat(e).hasMessageContaining("LATEST unchanged");
            }
            assertThat(faults.names(repo())).as("failing write %d: nothing rewritten", failing).isSubsetOf("LATEST");
            assertThat(TestArtifacts.files(repo())).isEqualTo(published);
        }
        publishFailing(new LocalFaults(1), TestArtifacts.DEFAULT_MODEL, version);
        Path withoutWeights = Files.createDirectories(dir.resolve("incomplete"));
        Files.copy(TestArtifacts.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST),
                withoutWeights.resolve(ModelArtifact.MANIFEST));
        publishFailing(new LocalFaults(0), withoutWeights, version);

        assertThat(TestArtifacts.files(repo())).isEqualTo(published);
        assertThat(fileKey(version + "/" + ModelArtifact.WEIGHTS)).isEqualTo(weights);
        assertThat(entries()).containsExactlyInAnyOrder("HISTORY", "LATEST", version);
        try (AnomalyModel model = AnomalyModel.load(new LocalArtifactStore().fetch(repo().toString(), dir),
                ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void aFailureNeverRemovesFilesOfTheVersionLatestNames() throws IOException {
        String version = TestArtifacts.defaultVersion();
        new LocalArtifactStore().publish(TestArtifacts.DEFAULT_MODEL, version, repo().toString());
        Map<String, String> published = TestArtifacts.files(repo());
        Files.delete(repo().resolve(version).resolve(ModelArtifact.WEIGHTS));

        LocalFaults faults = new LocalFaults(2); // the weights are added again, then LATEST fails
        publishFailing(faults, TestArtifacts.DEFAULT_MODEL, version);

        assertThat(faults.names(repo())).containsExactly(version + "/" + ModelArtifact.WEIGHTS);
        assertThat(TestArtifacts.files(repo())).isEqualTo(published);
        try (AnomalyModel model = AnomalyModel.load(new LocalArtifactStore().fetch(repo().toString(), dir),
                ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void aFirstPublishFailingAtAnyWriteLeavesNothingOfItsAttempt() throws IOException {
        new LocalArtifactStore().publish(TestArtifacts.fake(dir, "v0", "old", COMPONENTS), "v0", repo().toString());
        Map<String, String> before = TestArtifacts.files(repo());
        Path v1 = TestArtifacts.fake(dir, "v1", "new", COMPONENTS);
        // four files into staging, the move into place, HISTORY, then LATEST: seven writes, each the failing one in turn
        for (int failing = 1; failing <= 7; failing++) {
            LocalFaults faults = new LocalFaults(failing);
            publishFailing(faults, v1, "v1");
            assertThat(faults.writes).hasSize(failing - 1);
            assertThat(entries()).as("failing write %d", failing).containsExactly("HISTORY", "LATEST", "v0");
            assertThat(TestArtifacts.files(repo())).isEqualTo(before);
        }
        Files.delete(v1.resolve("c.bin")); // the copy into staging fails on its third file
        publishFailing(new LocalFaults(0), v1, "v1");
        assertThat(entries()).containsExactly("HISTORY", "LATEST", "v0");
    }

    @Test
    void writesGoComponentsFirstThenTheManifestThenLatest() throws IOException {
        LocalFaults recording = new LocalFaults(0);
        new LocalArtifactStore(recording).publish(TestArtifacts.fake(dir, "v1", "x", COMPONENTS), "v1",
                repo().toString());
        assertThat(recording.names(repo())).containsExactly("staging/a.bin", "staging/b.bin", "staging/c.bin",
                "staging/manifest.json", "v1", "HISTORY", "LATEST");
        assertThat(entries()).containsExactly("HISTORY", "LATEST", "v1");
    }

    @Test
    void aPartialVersionGetsOnlyItsMissingFiles() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        Files.createDirectories(repo().resolve("v1"));
        Files.copy(v1.resolve("a.bin"), repo().resolve("v1/a.bin"));
        Object a = fileKey("v1/a.bin");

        publishFailing(new LocalFaults(2), v1, "v1"); // b.bin is added, c.bin fails
        assertThat(TestArtifacts.files(repo())).containsOnlyKeys("v1/a.bin");
        assertThat(entries()).containsExactly("v1");

        LocalFaults recording = new LocalFaults(0);
        new LocalArtifactStore(recording).publish(v1, "v1", repo().toString());
        assertThat(recording.names(repo())).containsExactly("v1/b.bin", "v1/c.bin", "v1/manifest.json", "HISTORY", "LATEST");
        assertThat(fileKey("v1/a.bin")).as("left as it was").isEqualTo(a);
        assertThat(TestArtifacts.files(new LocalArtifactStore().fetch(repo().toString(), dir)))
                .isEqualTo(TestArtifacts.files(v1));
    }

    @Test
    void anExistingFileWithOtherBytesIsAnErrorAndNothingIsTouched() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        new LocalArtifactStore().publish(v1, "v1", repo().toString());
        Files.writeString(repo().resolve("v1/b.bin"), "tampered");
        Map<String, String> before = TestArtifacts.files(repo());

        LocalFaults recording = new LocalFaults(0);
        assertThatThrownBy(() -> new LocalArtifactStore(recording).publish(v1, "v1", repo().toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(repo().resolve("v1/b.bin") + " already exists with other content")
                .hasMessageContaining("LATEST unchanged");
        assertThat(recording.writes).isEmpty();
        assertThat(TestArtifacts.files(repo())).isEqualTo(before);
    }

    @Test
    void aVersionFolderCreatedDuringStagingIsLeftAlone() throws IOException {
        Path v1 = TestArtifacts.fake(dir, "v1", "x", COMPONENTS);
        LocalFaults twin = new LocalFaults(0, destination -> {
            if (destination.equals(repo().resolve("v1"))) {
                new LocalArtifactStore().publish(v1, "v1", repo().toString()); // the same version, concurrently
            }
        });
        new LocalArtifactStore(twin).publish(v1, "v1", repo().toString());
        assertThat(entries()).containsExactly("HISTORY", "LATEST", "v1");
        assertThat(TestArtifacts.files(repo().resolve("v1"))).isEqualTo(TestArtifacts.files(v1));

        Path other = TestArtifacts.fake(dir, "other", "y", COMPONENTS);
        LocalFaults rival = new LocalFaults(0, destination -> {
            if (destination.equals(repo().resolve("v2"))) {
                new LocalArtifactStore().publish(other, "v2", repo().toString()); // other bytes, same name
            }
        });
        assertThatThrownBy(() -> new LocalArtifactStore(rival).publish(v1, "v2", repo().toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(repo().resolve("v2/a.bin") + " already exists with other content");
        assertThat(entries()).containsExactly("HISTORY", "LATEST", "v1", "v2");
        assertThat(TestArtifacts.files(repo().resolve("v2"))).isEqualTo(TestArtifacts.files(other));
    }

    @Test
    void fetchChecksThatTheListedFilesExist() throws IOException {
        new LocalArtifactStore().publish(TestArtifacts.fake(dir, "v1", "x", COMPONENTS), "v1", repo().toString());
        Files.delete(repo().resolve("v1/c.bin"));
        assertThatThrownBy(() -> new LocalArtifactStore().fetch(repo().toString(), dir))
                .isInstanceOf(StorageException.class)
                .hasMessage(repo().resolve("v1/c.bin") + " does not exist, though "
                        + repo().resolve("v1/manifest.json") + " lists it");
        assertThatThrownBy(() -> new LocalArtifactStore().fetch(repo().resolve("v1").toString(), dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("c.bin does not exist");
    }
}
