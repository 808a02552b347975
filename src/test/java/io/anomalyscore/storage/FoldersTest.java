package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree deletion: whole trees, read-only folders included, links deleted but never followed. */
class FoldersTest {

    @TempDir
    Path dir;

    @Test
    void deletesATreeWithReadOnlyFoldersButNotWhatItsLinksPointAt() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("keep"), "keep");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("file"), "x");
        Files.createSymbolicLink(dir.resolve("tree/a/link"), outside.getParent());
        Files.setPosixFilePermissions(dir.resolve("tree/a"), PosixFilePermissions.fromString("r-xr-xr-x"));

        Folders.delete(dir.resolve("tree"));

        assertThat(dir.resolve("tree")).doesNotExist();
        assertThat(outside).hasContent("keep");
    }

    @Test
    void absentOrNullIsNothingToDo() throws IOException {
        Folders.delete(null);
        Folders.delete(dir.resolve("absent"));
        Folders.deleteQuietly(null);
        Folders.deleteQuietly(dir.resolve("absent"));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSingleFileOrLinkIsDeletedToo() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        Folders.delete(link);
        assertThat(file).exists();
        Folders.deleteQuietly(file);
        assertThat(dir).isEmptyDirectory();
    }
}
