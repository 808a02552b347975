package io.anomalyscore.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The container image's layout, made by {@code deploy/image/prepare-layout.sh} (the script the
 * Dockerfile's build stage runs), and the image's environment and command as written in
 * {@code deploy/Dockerfile}, with its absolute paths mapped onto a local folder.
 */
public final class ImageLayout {

    /** Where the Dockerfile puts libtorch; mapped to {@code <layout>/libtorch}. */
    public static final String IMAGE_LIBTORCH = "/opt/libtorch";

    private final Path root;

    private ImageLayout(Path root) {
        this.root = root;
    }

    /** Runs prepare-layout.sh: {@code <out>/task} (= /var/task) and {@code <out>/libtorch} (= /opt/libtorch). */
    public static ImageLayout prepare(Path functionZip, Path out) throws IOException, InterruptedException {
        Path script = SamTemplate.projectRoot().resolve("deploy/image/prepare-layout.sh");
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder("sh", script.toString(), functionZip.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("prepare-layout.sh timed out, see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("prepare-layout.sh failed (" + p.exitValue() + "): " + Files.readString(log));
        }
        return new ImageLayout(out);
    }

    /** A layout prepare-layout.sh made earlier. */
    public static ImageLayout existing(Path root) {
        return new ImageLayout(root);
    }

    public Path task() {
        return root.resolve("task");
    }

    public Path libtorch() {
        return root.resolve("libtorch");
    }

    /** The {@code ENV KEY=value} lines of deploy/Dockerfile, in order. */
    public static Map<String, String> dockerfileEnvironment() throws IOException {
        return environment(dockerfile());
    }

    /** The {@code ENV KEY=value} lines of a Dockerfile's {@code lines}, in order. */
    static Map<String, String> environment(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("ENV ")) {
                String assignment = line.substring(4).trim();
                int eq = assignment.indexOf('=');
                if (eq < 1 || assignment.substring(eq + 1).contains(" ")) {
                    throw new IllegalStateException("one KEY=value per ENV line, please: " + line);
                }
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        return env;
    }

    /** The exec-form CMD of deploy/Dockerfile (the last one). */
    public static List<String> dockerfileCmd() throws IOException {
        List<String> cmd = null;
        for (String line : dockerfile()) {
            if (line.startsWith("CMD ")) {
                cmd = List.of(new ObjectMapper().readValue(line.substring(4).trim(), String[].class));
            }
        }
        if (cmd == null) {
            throw new IllegalStateException("no CMD in deploy/Dockerfile");
        }
        return cmd;
    }

    /**
     * What the function sees in the image on Lambda: the Dockerfile's ENV, overridden by the
     * function's configuration (template.yaml, with local stand-ins), {@code /opt/libtorch} mapped to
     * this layout's libtorch and {@code /tmp} to {@code tmp}.
     */
    public Map<String, String> environment(SamTemplate template, Path tmp) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(dockerfileEnvironment());
        env.putAll(PackagedFunction.functionEnvironment(template, Path.of("/tmp/djl")));
        env.replaceAll((name, value) -> {
            if (value.startsWith(IMAGE_LIBTORCH)) {
                return libtorch() + value.substring(IMAGE_LIBTORCH.length());
            }
            if (value.equals("/tmp") || value.startsWith("/tmp/")) {
                return tmp + value.substring(4);
            }
            return value;
        });
        return env;
    }

    private static List<String> dockerfile() throws IOException {
        return Files.readAllLines(SamTemplate.projectRoot().resolve("deploy/Dockerfile")).stream()
                .map(String::strip).toList();
    }
}
