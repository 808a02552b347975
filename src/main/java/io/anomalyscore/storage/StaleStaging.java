package io.anomalyscore.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes what interrupted local publishes left in a repository: hidden {@code .staging-*}
 * folders and files and {@code .LATEST-*} pointer drafts ({@link LocalPublication}'s names). Safe by
 * construction: only direct entries of the repository with those prefixes; only when their newest
 * modification time, over the whole tree, is older than the bound (a concurrent writer touches its
 * staging tree as it copies, so it is never stale); symbolic links are neither followed nor removed
 * (publishing never makes one, so a link with such a name is not ours to delete).
 */
public final class StaleStaging {

    /** How old a leftover must be before it is removed, by default. */
    public static final Duration DEFAULT_AGE = Duration.ofHours(1);

    private StaleStaging() {}

    /** Removes the repository's leftovers older than {@code age} at {@code now}; returns those removed. */
    public static List<Path> sweep(Path repository, Duration age, Instant now) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(repository, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        FileTime cutoff = FileTime.from(now.minus(age));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(repository,
                p -> p.getFileName().toString().startsWith(".staging-")
                        || p.getFileName().toString().startsWith(".LATEST-"))) {
            for (Path entry : entries) {
                if (!Files.isSymbolicLink(entry) && newest(entry).compareTo(cutoff) < 0) {
                    Folders.delete(entry);
                    removed.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover is hidden from readers and costs only disk space
        }
        return removed;
    }

    /** The newest modification time in the tree at {@code entry}, links not followed. */
    private static FileTime newest(Path entry) throws IOException {
        try (Stream<Path> walk = Files.walk(entry)) {
            return walk.map(StaleStaging::modified).max(FileTime::compareTo).orElseThrow();
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
        } catch (IOException e) {
            return FileTime.from(Instant.MAX); // unreadable: treat as fresh, never remove it
        }
    }
}
