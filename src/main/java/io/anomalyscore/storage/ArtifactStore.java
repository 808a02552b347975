package io.anomalyscore.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where data is read from and artifacts are published to and fetched from.
 *
 * <p>A model repository holds one folder per version and a {@code LATEST} object naming the
 * current version; {@code LATEST} is always written last, so a reader never sees a half-published
 * model.
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
    String publish(Path artifact, String version, String destination) throws IOException;

    /**
     * Makes the artifact at {@code location} available as a local folder: {@code location} is a
     * repository (its {@code LATEST} is resolved) or one version's folder.
     *
     * @param workDir scratch folder for downloads
     */
    Path fetch(String location, Path workDir) throws IOException;
}
