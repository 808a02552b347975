package io.anomalyscore.model;

/**
 * DJL engine settings, applied as system properties before the engine first loads: offline (no
 * download, no telemetry), and intra-/inter-op thread counts.
 */
public final class EngineSettings {

    private EngineSettings() {}

    /**
     * Applies the settings; a property already set (e.g. with {@code -D}) wins.
     *
     * @param threads intra-op threads, or 0 to leave PyTorch's default (one per core)
     * @param interopThreads inter-op threads, or 0 for PyTorch's default
     */
    public static void apply(int threads, int interopThreads) {
        setIfAbsent("ai.djl.offline", "true");
        if (threads > 0) {
            setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (interopThreads > 0) {
            setIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(interopThreads));
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
