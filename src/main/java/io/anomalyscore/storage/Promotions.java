package io.anomalyscore.storage;

import io.anomalyscore.model.ArtifactFormatException;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Moves a repository's {@code LATEST}: promote a version, or roll back to the one promoted before
 * the current one.
 *
 * <p>Every move first fetches the target version through its store and verifies it as serving
 * does ({@link ModelArtifact#read}: every listed file present, every sha256 and the content hash),
 * and checks that its manifest names the version of its folder; then it appends a {@link
 * HistoryEntry} to {@code HISTORY} and writes {@code LATEST} last. A failed check writes nothing;
 * a failed write of {@code LATEST} retracts the entry.
 */
public final class Promotions {

    private final ArtifactStore store;
    private final ModelRepository repository;

    public Promotions(ArtifactStore store, String location) {
        this.store = store;
        this.repository = store.repository(location);
    }

    /** The repository moved. */
    public ModelRepository repository() {
        return repository;
    }

    /**
     * Makes {@code version} current.
     *
     * @return {@code false} when {@code LATEST} already names it (nothing is written)
     */
    public boolean promote(String version, String reason) throws IOException {
        String checked = Versions.check(version, "version");
        verify(checked);
        if (repository.latest().filter(checked::equals).isPresent()) {
            return false;
        }
        move(HistoryEntry.now(HistoryEntry.PROMOTE, checked, reason));
        return true;
    }

    /**
     * Undoes the last promotion: {@code LATEST} returns to the version promoted before it.
     *
     * @return the version now current
     */
    public String rollback(String reason) throws IOException {
        String latest = repository.latest().orElseThrow(() -> new StorageException(repository.location()
                + " has no " + ArtifactStore.LATEST + " to roll back from"));
        String where = repository.location() + "/" + ModelRepository.HISTORY;
        String previous = new PromotionHistory(repository.history(), where).previous(latest, where);
        verify(previous);
        move(HistoryEntry.now(HistoryEntry.ROLLBACK, previous, reason));
        return previous;
    }

    /** Appends {@code entry}, then points {@code LATEST} at its version; retracts it if that fails. */
    private void move(HistoryEntry entry) throws IOException {
        repository.append(entry);
        try {
            repository.pointLatestAt(entry.version());
        } catch (IOException | RuntimeException e) {
            repository.retract(entry);
            throw e;
        }
    }

    /** Fetches {@code version} into a scratch folder and verifies it as serving would. */
    private ArtifactManifest verify(String version) throws IOException {
        Path work = Files.createTempDirectory("anomaly-promote-");
        try {
            Path dir = store.fetch(repository.versionLocation(version), work);
            ArtifactManifest manifest = ModelArtifact.read(dir, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
            if (!manifest.version().equals(version)) {
                throw new StorageException(repository.versionLocation(version) + " holds version "
                        + manifest.version() + ", not " + version);
            }
            return manifest;
        } catch (ArtifactFormatException e) {
            throw new StorageException("version " + version + " fails verification: " + e.getMessage(), e);
        } finally {
            Folders.deleteQuietly(work);
        }
    }
}
