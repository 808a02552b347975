package io.anomalyscore.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deletes folder trees: the one helper for staging, download and scratch folders. */
public final class Folders {

    private Folders() {}

    /**
     * Deletes {@code dir} and everything below it; nothing happens when it is {@code null} or absent.
     * Symbolic links are deleted, never followed. Read-only folders in the tree are made writable
     * first, since a folder's write bit is what allows removing its entries (unzipped trees keep
     * their archive's modes).
     */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                path.toFile().setWritable(true, true);
            }
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** {@link #delete}, for cleanup paths where a leftover folder is harmless and an error would hide the real one. */
    public static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort by contract: the caller has already finished or already failed
        }
    }
}
