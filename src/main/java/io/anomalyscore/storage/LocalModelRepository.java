package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@link ModelRepository} in a local folder. {@code HISTORY} is appended under a file lock;
 * {@code LATEST} is replaced in one rename of a hidden file, as publishing does.
 */
final class LocalModelRepository implements ModelRepository {

    private final Path dir;

    LocalModelRepository(Path dir) {
        this.dir = dir;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public String versionLocation(String version) {
        return dir.resolve(Versions.check(version, "version")).toString();
    }

    @Override
    public List<String> versions() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new StorageException(dir + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(ModelArtifact.MANIFEST)))
                    .map(p -> p.getFileName().toString())
                    .filter(LocalModelRepository::isVersionName)
                    .sorted().toList();
        }
    }

    private static boolean isVersionName(String name) {
        try {
            Versions.check(name, name);
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    @Override
    public byte[] manifest(String version) throws IOException {
        return Files.readAllBytes(Path.of(versionLocation(version)).resolve(ModelArtifact.MANIFEST));
    }

    @Override
    public Optional<String> latest() throws IOException {
        Path latest = dir.resolve(ArtifactStore.LATEST);
        if (!Files.isRegularFile(latest)) {
            return Optional.empty();
        }
        return Optional.of(Versions.check(Files.readString(latest, StandardCharsets.UTF_8), latest.toString()));
    }

    @Override
    public List<HistoryEntry> history() throws IOException {
        Path history = dir.resolve(HISTORY);
        List<HistoryEntry> entries = new ArrayList<>();
        if (Files.isRegularFile(history)) {
            for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(HistoryEntry.parse(line, history.toString()));
                }
            }
        }
        return entries;
    }

    @Override
    public void append(HistoryEntry entry) throws IOException {
        try (FileChannel history = FileChannel.open(dir.resolve(HISTORY), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock ignored = history.lock()) {
            history.write(StandardCharsets.UTF_8.encode(entry.line()));
            history.force(true);
        }
    }

    @Override
    public void retract(HistoryEntry entry) {
        byte[] line = entry.line().getBytes(StandardCharsets.UTF_8);
        try (FileChannel history = FileChannel.open(dir.resolve(HISTORY), StandardOpenOption.READ,
                StandardOpenOption.WRITE);
                FileLock ignored = history.lock()) {
            long size = history.size();
            if (size < line.length) {
                return;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(line.length);
            history.read(tail, size - line.length);
            if (java.util.Arrays.equals(tail.array(), line)) {
                history.truncate(size - line.length);
                history.force(true);
            }
        } catch (IOException ignored) {
            // see the interface: a leftover line is reported by the next rollback
        }
    }

    @Override
    public void pointLatestAt(String version) throws IOException {
        Path pointer = dir.resolve(".LATEST-" + UUID.randomUUID());
        Path latest = dir.resolve(ArtifactStore.LATEST);
        try {
            Files.writeString(pointer, Versions.check(version, "version") + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(pointer, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(pointer, latest, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(pointer);
        }
    }
}
