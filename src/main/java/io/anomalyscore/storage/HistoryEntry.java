package io.anomalyscore.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a repository's {@code HISTORY}: a change of {@code LATEST}, appended before {@code
 * LATEST} is written.
 *
 * <p>Stored as {@code time<TAB>action<TAB>version<TAB>reason}. A {@code promote} pushes its
 * version onto the repository's stack of promotions; a {@code rollback} pops the top one and names
 * the version it returns to ({@link PromotionHistory}).
 *
 * @param time when it was written, ISO-8601 UTC to the second
 * @param action {@code promote} or {@code rollback}
 * @param version the version {@code LATEST} names afterwards
 * @param reason why, as given (tabs and line breaks become spaces)
 */
public record HistoryEntry(String time, String action, String version, String reason) {

    /** A promotion: {@code version} becomes {@code LATEST}. */
    public static final String PROMOTE = "promote";
    /** A rollback: the top promotion is undone and {@code version} is {@code LATEST} again. */
    public static final String ROLLBACK = "rollback";

    public HistoryEntry {
        if (!action.equals(PROMOTE) && !action.equals(ROLLBACK)) {
            throw new IllegalArgumentException("unknown action: " + action);
        }
        reason = reason == null ? "" : reason.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /** An entry stamped with the current time. */
    public static HistoryEntry now(String action, String version, String reason) {
        return new HistoryEntry(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), action, version, reason);
    }

    /** Parses one stored line; {@code where} names it in errors. */
    static HistoryEntry parse(String line, String where) {
        String[] parts = line.split("\t", 4);
        if (parts.length < 3) {
            throw new StorageException(where + " has a malformed line: '" + abbreviate(line) + "'");
        }
        try {
            return new HistoryEntry(parts[0], parts[1], Versions.check(parts[2], where),
                    parts.length == 4 ? parts[3] : "");
        } catch (IllegalArgumentException e) {
            throw new StorageException(where + " has a malformed line: '" + abbreviate(line) + "'", e);
        }
    }

    /** The stored line, with its line break. */
    String line() {
        return time + "\t" + action + "\t" + version + "\t" + reason + "\n";
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
