package io.anomalyscore.model.detector;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every detector kind on the class path, by name; the one place that maps the name stored in a
 * manifest to code. Kinds are discovered with {@link ServiceLoader}, as DJL discovers engines.
 */
public final class DetectorRegistry {

    private static final Map<String, DetectorKind> KINDS = discover();

    private DetectorRegistry() {}

    private static Map<String, DetectorKind> discover() {
        Map<String, DetectorKind> kinds = new TreeMap<>();
        for (DetectorKind kind : ServiceLoader.load(DetectorKind.class, DetectorKind.class.getClassLoader())) {
            if (!kind.name().matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalStateException("invalid detector name: " + kind.name());
            }
            DetectorKind clash = kinds.put(kind.name(), kind);
            if (clash != null && clash.getClass() != kind.getClass()) {
                throw new IllegalStateException("two detectors are named " + kind.name());
            }
        }
        return Collections.unmodifiableMap(kinds);
    }

    /**
     * The kind named {@code name}.
     *
     * @throws IllegalArgumentException naming the known kinds when there is none
     */
    public static DetectorKind get(String name) {
        DetectorKind kind = name == null ? null : KINDS.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown detector: " + name + " (known: " + String.join(", ", names())
                    + ")");
        }
        return kind;
    }

    /** The names of every known kind, sorted. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** Every known kind, sorted by name. */
    public static List<DetectorKind> all() {
        return List.copyOf(KINDS.values());
    }
}
