package io.anomalyscore.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The stack of promotions a repository's {@code HISTORY} describes, replayed: what {@code LATEST}
 * should name and what a rollback returns to.
 */
final class PromotionHistory {

    private final Deque<String> stack = new ArrayDeque<>();

    /** Replays {@code entries} in order; {@code where} names the history in errors. */
    PromotionHistory(List<HistoryEntry> entries, String where) {
        for (HistoryEntry entry : entries) {
            if (entry.action().equals(HistoryEntry.PROMOTE)) {
                stack.push(entry.version());
            } else {
                if (stack.isEmpty()) {
                    throw new StorageException(where + " is inconsistent: the rollback at " + entry.time()
                            + " follows no promotion");
                }
                stack.pop();
                if (!entry.version().equals(stack.peek())) {
                    throw new StorageException(where + " is inconsistent: the rollback at " + entry.time()
                            + " names " + entry.version() + ", but the promotion before names " + stack.peek());
                }
            }
        }
    }

    /** The version the last change made current, if any. */
    Optional<String> current() {
        return Optional.ofNullable(stack.peek());
    }

    /** The version a rollback from {@code latest} returns to. */
    String previous(String latest, String where) {
        if (!latest.equals(stack.peek())) {
            throw new StorageException(where + " ends with " + (stack.isEmpty() ? "no promotion" : stack.peek())
                    + " but LATEST names " + latest + " (written by hand, or a promotion failed midway):"
                    + " promote the version you want with 'models promote VERSION'");
        }
        if (stack.size() < 2) {
            throw new StorageException("nothing to roll back to: " + where + " records no promotion before "
                    + latest);
        }
        return stack.stream().skip(1).findFirst().orElseThrow();
    }
}
