package io.anomalyscore.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where data is read from and artifacts are published to and fetched from.
 *
 * <p>A model repository holds one folder per version and a {@code LATEST} object naming the
 * current version. An artifact's files are those its {@code manifest.json} lists ({@link
 * io.anomalyscore.model.ModelArtifact#listedFiles}). Every store guarantees:
 *
 * <ul>
 *   <li>Publishing is idempotent: a version (a content hash) that already exists is verified by
 *       sha256 against the artifact, file by file, and only its missing files are written; an
 *       existing file with other bytes is an error naming it and is never overwritten.
 *   <li>Within a version the components are written first and {@code manifest.json} last; {@code
 *       LATEST} is written last of all, once the version is complete, so a reader never sees a
 *       half-published model.
 *   <li>A failed publish removes only what that attempt created, never a file of the version
 *       {@code LATEST} names, and leaves {@code LATEST} as it was (the one exception, a lost
 *       response to the S3 write of {@code LATEST}, is in {@link S3ArtifactStore}).
 *   <li>Fetching reads {@code manifest.json} first, then exactly the files it lists.
 * </ul>
 *
 * <p>The stores' class comments say how each one keeps these promises.
 */
public interface ArtifactStore {

    /** Name of the pointer to the current version. */
    String LATEST = "LATEST";

    /** Opens a data file (e.g. the training CSV). */
    InputStream open(String location) throws IOException;

    /** Fails fast, before any work, if {@code destination} cannot be written. */
    void checkWritable(String destination) throws IOException;

    /**
     * Publishes the artifact folder as {@code destination/<version>/}, then points {@code
     * destination/LATEST} at it.
     *
     * @return the location of the published version
     */
    default String publish(Path artifact, String version, String destination) throws IOException {
        return publish(artifact, version, destination, true);
    }

    /**
     * Publishes the artifact folder as {@code destination/<version>/}; with {@code promote}, then
     * appends a {@code promote} entry to {@code destination/HISTORY} and points {@code
     * destination/LATEST} at it, last.
     *
     * @return the location of the published version
     */
    String publish(Path artifact, String version, String destination, boolean promote) throws IOException;

    /** The model repository at {@code location}, to list, promote and roll back ({@link Promotions}). */
    ModelRepository repository(String location);

    /**
     * Makes the artifact at {@code location} available as a local folder: {@code location} is a
     * repository (its {@code LATEST} is resolved) or one version's folder.
     *
     * @param workDir scratch folder for downloads
     */
    Path fetch(String location, Path workDir) throws IOException;
}
