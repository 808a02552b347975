package io.anomalyscore.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt to publish an artifact folder as a version of a local repository; {@link
 * LocalArtifactStore} states what it guarantees.
 */
final class LocalPublication {

    private final Path repository;
    private final String version;
    private final Path target;
    private final WriteHook hook;
    private final boolean promote;
    /** Files this attempt added to an existing version folder: the only ones a failure may remove. */
    private final List<Path> created = new ArrayList<>();
    /** Whether this attempt moved the version folder into place, so a failure may remove it. */
    private boolean movedIntoPlace;
    private final LocalModelRepository history;
    /** The HISTORY entry this attempt appended, which a failure retracts, or {@code null}. */
    private HistoryEntry appended;

    LocalPublication(Path repository, String version, WriteHook hook, boolean promote) {
        this.promote = promote;
        this.repository = repository;
        this.version = Versions.check(version, "version");
        this.target = repository.resolve(this.version);
        this.hook = hook;
        this.history = new LocalModelRepository(repository);
    }

    /** Completes the version from {@code artifact}, then (when promoting) points {@code LATEST} at it. */
    String run(Path artifact) throws IOException {
        List<String> files = ArtifactFiles.inPublishOrder(artifact);
        Files.createDirectories(repository);
        StaleStaging.sweep(repository, StaleStaging.DEFAULT_AGE, java.time.Instant.now());
        String before = latest();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !moveStagedCopy(artifact, files)) {
                complete(artifact, files);
            }
            if (promote) {
                // re-publishing the current version changes nothing a rollback should undo
                if (!version.equals(before)) {
                    hook.beforeWrite(repository.resolve(ModelRepository.HISTORY));
                    appended = HistoryEntry.now(HistoryEntry.PROMOTE, version, "published");
                    history.append(appended);
                }
                writeLatest();
            }
            return target.toString();
        } catch (IOException | RuntimeException e) {
            throw failed(e, before);
        }
    }

    /**
     * Copies the artifact into a hidden staging folder and moves that into place; {@code false}
     * when the version folder appeared meanwhile (another publisher), which is then left alone.
     */
    private boolean moveStagedCopy(Path artifact, List<String> files) throws IOException {
        Path staging = hiddenSibling();
        try {
            Files.createDirectory(staging);
            for (String file : files) {
                hook.beforeWrite(staging.resolve(file));
                Files.copy(artifact.resolve(file), staging.resolve(file));
            }
            hook.beforeWrite(target);
            movedIntoPlace = moveIfAbsent(staging, target);
            return movedIntoPlace;
        } finally {
            Folders.deleteQuietly(staging);
        }
    }

    /** A fresh hidden name beside the versions, which readers never pick ({@link Versions} refuses it). */
    private Path hiddenSibling() {
        return repository.resolve(".staging-" + version + "-" + UUID.randomUUID());
    }

    private static boolean moveIfAbsent(Path source, Path destination) throws IOException {
        try {
            // without REPLACE_EXISTING an existing destination is refused, never replaced
            Files.move(source, destination);
            return true;
        } catch (FileSystemException e) {
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Verifies every file the version folder holds against the artifact's, then adds those it
     * lacks, in publishing order.
     */
    private void complete(Path artifact, List<String> files) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(target + " exists but is not a folder; it is left as it is");
        }
        Map<String, String> missing = new LinkedHashMap<>();
        for (String file : files) {
            String ours = ArtifactFiles.sha256(artifact.resolve(file));
            Path existing = target.resolve(file);
            if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                checkSame(existing, ours);
            } else {
                missing.put(file, ours);
            }
        }
        for (Map.Entry<String, String> file : missing.entrySet()) {
            add(artifact.resolve(file.getKey()), target.resolve(file.getKey()), file.getValue());
        }
    }

    private static void checkSame(Path existing, String ours) {
        if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
            throw new StorageException(existing + " exists but is not a regular file; it is left as it is");
        }
        String theirs = ArtifactFiles.sha256(existing);
        if (!theirs.equals(ours)) {
            throw ArtifactFiles.conflict(existing.toString(), theirs, ours);
        }
    }

    /** Copies next to the repository's versions, then moves in unless the file appeared meanwhile. */
    private void add(Path source, Path destination, String sha256) throws IOException {
        Path temporary = hiddenSibling();
        try {
            Files.copy(source, temporary);
            hook.beforeWrite(destination);
            if (moveIfAbsent(temporary, destination)) {
                created.add(destination);
            } else {
                checkSame(destination, sha256);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeLatest() throws IOException {
        Path pointer = repository.resolve(".LATEST-" + UUID.randomUUID());
        try {
            Files.writeString(pointer, version + "\n", StandardCharsets.UTF_8);
            hook.beforeWrite(repository.resolve(ArtifactStore.LATEST));
            try {
                Files.move(pointer, repository.resolve(ArtifactStore.LATEST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(pointer, repository.resolve(ArtifactStore.LATEST), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(pointer);
        }
    }

    /** What {@code LATEST} names now, or {@code null} when there is none. */
    private String latest() throws IOException {
        Path latest = repository.resolve(ArtifactStore.LATEST);
        return Files.isRegularFile(latest) ? Files.readString(latest, StandardCharsets.UTF_8).strip() : null;
    }

    /** Removes the files this attempt added, unless {@code LATEST} names the version or cannot be read. */
    private StorageException failed(Exception cause, String before) {
        String after;
        try {
            after = latest();
        } catch (IOException e) {
            return wrap(cause, ArtifactStore.LATEST + " unreadable, so nothing was removed");
        }
        if (!version.equals(after)) {
            removeCreated();
            if (appended != null) {
                history.retract(appended);
            }
        }
        return wrap(cause, Objects.equals(before, after) ? ArtifactStore.LATEST + " unchanged"
                : ArtifactStore.LATEST + " now names " + after);
    }

    private void removeCreated() {
        try {
            if (movedIntoPlace) {
                // out of sight in one step first, so no reader meets a half-deleted version
                Path removed = hiddenSibling();
                Files.move(target, removed);
                Folders.delete(removed);
            }
            for (int i = created.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(created.get(i));
            }
        } catch (IOException ignored) {
            // an unreferenced leftover: a later publish of this version verifies it
        }
    }

    private StorageException wrap(Exception cause, String latestState) {
        String reason = cause instanceof StorageException ? cause.getMessage() : cause.toString();
        return new StorageException("publishing to " + target + " failed (" + latestState + "): " + reason, cause);
    }
}
