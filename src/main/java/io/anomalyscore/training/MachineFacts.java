package io.anomalyscore.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What of the training machine decides the last bits of the weights: the CPU model (PyTorch
 * picks its float kernels by CPU) and the architecture. Recorded in provenance so a bitwise
 * reproduction knows whether it can apply.
 */
final class MachineFacts {

    private MachineFacts() {}

    static Map<String, String> describe() {
        Map<String, String> facts = new TreeMap<>();
        facts.put("arch", System.getProperty("os.arch"));
        cpuModel().ifPresent(cpu -> facts.put("cpu", cpu));
        return facts;
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}, where there is one (Linux). */
    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
