package io.anomalyscore.storage;

import java.io.IOException;
import java.nio.file.Path;

/** Runs before each write {@link LocalArtifactStore} makes into a repository; tests inject faults with it. */
@FunctionalInterface
interface WriteHook {

    /** Lets every write proceed. */
    WriteHook NONE = destination -> { };

    /** Called with the path about to be written; throwing fails the publish there. */
    void beforeWrite(Path destination) throws IOException;
}
