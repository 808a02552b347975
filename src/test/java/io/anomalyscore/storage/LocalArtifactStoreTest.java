package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing and fetching in a local repository; the files' contents do not matter here. */
class LocalArtifactStoreTest {

    @TempDir
    Path dir;

    private final LocalArtifactStore store = new LocalArtifactStore();

    private Path artifact(String content) throws IOException {
        return TestArtifacts.fake(dir, "staging-" + content, content, ModelArtifact.WEIGHTS);
    }

    @Test
    void publishWritesTheVersionThenLatest() throws IOException {
        Path repo = dir.resolve("repo");

        String location = store.publish(artifact("a"), "v1", repo.toString());

        assertThat(location).isEqualTo(repo.resolve("v1").toString());
        assertThat(Files.readString(repo.resolve("LATEST"))).isEqualTo("v1\n");
        assertThat(Files.readString(repo.resolve("v1").resolve(ModelArtifact.WEIGHTS))).isEqualTo("a weights.params");
        try (Stream<Path> entries = Files.list(repo)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("v1", "HISTORY", "LATEST");
        }
        assertThat(store.fetch(repo.toString(), dir)).isEqualTo(repo.resolve("v1"));
        assertThat(store.fetch(repo.resolve("v1").toString(), dir)).isEqualTo(repo.resolve("v1"));
    }

    @Test
    void secondVersionMovesLatestAndKeepsTheFirst() throws IOException {
        Path repo = dir.resolve("repo");
        store.publish(artifact("a"), "v1", repo.toString());
        store.publish(artifact("b"), "v2", repo.toString());

        assertThat(store.fetch(repo.toString(), dir)).isEqualTo(repo.resolve("v2"));
        assertThat(repo.resolve("v1").resolve(ModelArtifact.MANIFEST)).exists();

        store.publish(artifact("a"), "v1", repo.toString()); // rollback: same version again
        assertThat(store.fetch(repo.toString(), dir)).isEqualTo(repo.resolve("v1"));
    }

    @Test
    void latestPointingAtAMissingVersionFails() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("LATEST"), "gone\n");

        assertThatThrownBy(() -> store.fetch(repo.toString(), dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("version gone, which does not exist");
    }

    @Test
    void latestEscapingTheRepositoryIsRejected() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        store.publish(artifact("x"), "x", dir.toString()); // a real artifact at dir/x, outside repo
        for (String pointer : new String[] {"../x", "..", "/etc", "a/../../x", ""}) {
            Files.writeString(repo.resolve("LATEST"), pointer + "\n");
            assertThatThrownBy(() -> store.fetch(repo.toString(), dir))
                    .as(pointer)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("invalid version");
        }
        assertThatThrownBy(() -> store.publish(artifact("y"), "../y", repo.toString()))
                .isInstanceOf(StorageException.class);
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void folderWithoutManifestOrLatestFails() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> store.fetch(empty.toString(), dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("neither manifest.json nor LATEST");
    }

    @Test
    void openReadsFilesAndRefusesFolders() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "a\n1\n");
        try (InputStream in = store.open(file.toString())) {
            assertThat(in.readAllBytes()).isEqualTo("a\n1\n".getBytes());
        }
        assertThatThrownBy(() -> store.open(dir.toString())).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(dir.resolve("none").toString())).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void checkWritableFailsUnderARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> store.checkWritable(file.resolve("sub").toString())).isInstanceOf(IOException.class);
        store.checkWritable(dir.resolve("new").toString());
        try (Stream<Path> entries = Files.list(dir.resolve("new"))) {
            assertThat(entries).isEmpty();
        }
    }
}
