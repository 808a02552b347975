package io.anomalyscore.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults in a local repository: the Nth write (counting every one, {@code LATEST} included)
 * fails before it happens, and every write is recorded.
 */
final class LocalFaults implements WriteHook {

    /** Runs before each write with its destination (e.g. a concurrent publisher). */
    @FunctionalInterface
    interface BeforeWrite {
        void run(Path destination) throws IOException;
    }

    /** Destinations of the writes done, in order (the failed one is not done). */
    final List<Path> writes = new ArrayList<>();
    private final int failing;
    private final BeforeWrite before;
    private int count;

    /** @param failing the 1-based write that fails, or 0 for none */
    LocalFaults(int failing) {
        this(failing, destination -> { });
    }

    LocalFaults(int failing, BeforeWrite before) {
        this.failing = failing;
        this.before = before;
    }

    @Override
    public void beforeWrite(Path destination) throws IOException {
        before.run(destination);
        if (++count == failing) {
            throw new IOException("injected failure writing " + destination);
        }
        writes.add(destination);
    }

    /** The writes, named relative to {@code repository}; files in a staging folder as {@code staging/<file>}. */
    List<String> names(Path repository) {
        return writes.stream().map(p -> p.getParent().getFileName().toString().startsWith(".staging-")
                ? "staging/" + p.getFileName() : repository.relativize(p).toString()).toList();
    }
}
