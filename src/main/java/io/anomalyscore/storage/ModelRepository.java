package io.anomalyscore.storage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one model repository and its two pointers: {@code LATEST} (the current version)
 * and {@code HISTORY} (how it became current, appended before each write of {@code LATEST}).
 */
public interface ModelRepository {

    /** Name of the promotion log. */
    String HISTORY = "HISTORY";

    /** The repository's location, as given. */
    String location();

    /** The location of one version's folder. */
    String versionLocation(String version);

    /** Every version folder that holds a {@code manifest.json}, sorted by name. */
    List<String> versions() throws IOException;

    /** The bytes of {@code version}'s {@code manifest.json}. */
    byte[] manifest(String version) throws IOException;

    /** What {@code LATEST} names, or empty when there is none. */
    Optional<String> latest() throws IOException;

    /** The entries of {@code HISTORY}, oldest first; empty when there is none. */
    List<HistoryEntry> history() throws IOException;

    /** Appends one entry to {@code HISTORY}, failing rather than losing a concurrent append. */
    void append(HistoryEntry entry) throws IOException;

    /**
     * Removes {@code entry} again if it is still the last line of {@code HISTORY}: the undo of an
     * {@link #append} whose {@code LATEST} write failed. Quiet: a leftover line only makes a later
     * rollback refuse, naming it.
     */
    void retract(HistoryEntry entry);

    /** Points {@code LATEST} at {@code version} in one write. */
    void pointLatestAt(String version) throws IOException;
}
