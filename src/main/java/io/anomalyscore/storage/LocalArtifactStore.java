package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A model repository in a local folder; writes go to a hidden temporary folder moved into place. */
public final class LocalArtifactStore implements ArtifactStore {

    @Override
    public InputStream open(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.isDirectory(path)) {
            throw new NoSuchFileException(location, null, "is a folder, not a file");
        }
        return Files.newInputStream(path);
    }

    @Override
    public void checkWritable(String destination) throws IOException {
        Path dir = Path.of(destination);
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
        Files.delete(probe);
    }

    @Override
    public String publish(Path artifact, String version, String destination) throws IOException {
        Path repository = Path.of(destination);
        Files.createDirectories(repository);
        Path target = repository.resolve(Versions.check(version, "version"));
        if (!Files.isDirectory(target)) {
            Path staging = repository.resolve(".staging-" + version + "-" + UUID.randomUUID());
            Files.createDirectories(staging);
            for (String file : ModelArtifact.FILES) {
                Files.copy(artifact.resolve(file), staging.resolve(file));
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                deleteFolder(staging); // same version = same content, published concurrently
            }
        }
        Path pointer = repository.resolve(".LATEST-" + UUID.randomUUID());
        Files.writeString(pointer, version + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(pointer, repository.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(pointer, repository.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING);
        }
        return target.toString();
    }

    @Override
    public Path fetch(String location, Path workDir) throws IOException {
        Path dir = Path.of(location);
        if (Files.isRegularFile(dir.resolve(ModelArtifact.MANIFEST))) {
            return dir;
        }
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            throw new StorageException(location + " holds neither " + ModelArtifact.MANIFEST + " nor " + LATEST);
        }
        String version = Versions.check(Files.readString(latest, StandardCharsets.UTF_8), latest.toString());
        Path target = dir.resolve(version);
        if (!Files.isDirectory(target)) {
            throw new StorageException(latest + " points at version " + version + ", which does not exist");
        }
        // a version folder that is a symlink could serve an artifact from anywhere on the file system
        if (!target.toRealPath().getParent().equals(dir.toRealPath())) {
            throw new StorageException(latest + " points at version " + version
                    + ", which resolves outside the repository");
        }
        return target;
    }

    static void deleteFolder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
