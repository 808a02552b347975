package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftovers of interrupted local publishes are removed only when stale, ours, and without following links. */
class StaleStagingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final FileTime OLD = FileTime.from(NOW.minus(Duration.ofHours(3)));

    @TempDir
    Path repo;
    @TempDir
    Path outside;

    /** A staging tree whose every entry was last modified at {@code time}. */
    private Path staging(String name, FileTime time) throws IOException {
        Path dir = Files.createDirectories(repo.resolve(name));
        Files.writeString(dir.resolve("manifest.json"), "{}");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, time);
            }
        }
        return dir;
    }

    @Test
    void removesOnlyStaleLeftoversAndNothingElse() throws IOException {
        Path stale = staging(".staging-v1-aaaa", OLD);
        Path pointer = Files.writeString(repo.resolve(".LATEST-bbbb"), "v1\n");
        Files.setLastModifiedTime(pointer, OLD);
        Path version = staging("v1", OLD);
        Path latest = Files.writeString(repo.resolve("LATEST"), "v1\n");
        Files.setLastModifiedTime(latest, OLD);

        assertThat(StaleStaging.sweep(repo, Duration.ofHours(1), NOW)).containsExactlyInAnyOrder(stale, pointer);
        assertThat(stale).doesNotExist();
        assertThat(pointer).doesNotExist();
        assertThat(version.resolve("manifest.json")).exists();
        assertThat(latest).exists();
    }

    @Test
    void aConcurrentWritersTreeIsLeftAlone() throws IOException {
        Path writing = staging(".staging-v2-cccc", OLD);
        // the writer is still copying: the folder is old, the file it writes is fresh
        Files.setLastModifiedTime(writing.resolve("manifest.json"), FileTime.from(NOW.minusSeconds(5)));
        Path young = staging(".staging-v3-dddd", FileTime.from(NOW.minusSeconds(30)));

        assertThat(StaleStaging.sweep(repo, Duration.ofHours(1), NOW)).isEmpty();
        assertThat(writing.resolve("manifest.json")).exists();
        assertThat(young).exists();
    }

    @Test
    void linksAreNeitherFollowedNorRemoved() throws IOException {
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(repo.resolve(".staging-link"), outside);
        Path stale = staging(".staging-v4-eeee", OLD);
        Path inner = Files.createSymbolicLink(stale.resolve("escape"), outside);
        Files.getFileAttributeView(inner, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(OLD, null, null);
        Files.setLastModifiedTime(stale, OLD);

        assertThat(StaleStaging.sweep(repo, Duration.ofHours(1), NOW)).containsExactly(stale);
        assertThat(stale).doesNotExist();
        assertThat(inner).doesNotExist();
        assertThat(link).isSymbolicLink();
        assertThat(precious).hasContent("keep");
        assertThat(outside).isDirectory();
    }

    @Test
    void aPublishSweepsTheRepositoryFirst() throws IOException {
        Path stale = staging(".staging-old-ffff", OLD);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Files.setLastModifiedTime(stale.resolve("manifest.json"), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        String version = TestArtifacts.defaultVersion();
        new LocalArtifactStore().publish(TestArtifacts.DEFAULT_MODEL, version, repo.toString(), true);
        assertThat(stale).doesNotExist();
        assertThat(repo.resolve(version).resolve("manifest.json")).exists();
        try (Stream<Path> left = Files.list(repo)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
    }
}
