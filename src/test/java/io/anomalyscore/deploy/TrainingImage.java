package io.anomalyscore.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training image as {@code deploy/train/Dockerfile} writes it: its COPY lines, ENV, ENTRYPOINT and
 * CMD, and the image's file system rebuilt under a local folder ({@code <root>/opt/...}) from those COPY
 * lines, so the entry point can be run without Docker.
 */
public final class TrainingImage {

    /** One {@code COPY SOURCE DEST} line (sources relative to the build context, the repository root). */
    public record Copy(String source, String destination) {}

    private final List<String> lines;

    private TrainingImage(List<String> lines) {
        this.lines = lines;
    }

    /** Reads deploy/train/Dockerfile. */
    public static TrainingImage load() throws IOException {
        return new TrainingImage(Files.readAllLines(dockerfile()).stream().map(String::strip)
                .filter(l -> !l.startsWith("#")).toList());
    }

    public static Path dockerfile() {
        return SamTemplate.projectRoot().resolve("deploy/train/Dockerfile");
    }

    /** The COPY lines, in order; a {@code --from} copy (another stage) is refused: none is expected. */
    public List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("COPY ")) {
                String[] words = line.substring(5).trim().split("\\s+");
                if (words.length != 2 || words[0].startsWith("--")) {
                    throw new IllegalStateException("one source and one destination per COPY, please: " + line);
                }
                copies.add(new Copy(words[0], words[1]));
            }
        }
        return copies;
    }

    /** The {@code ENV KEY=value} lines, in order. */
    public Map<String, String> environment() {
        return ImageLayout.environment(lines);
    }

    /** The exec-form ENTRYPOINT. */
    public List<String> entrypoint() throws IOException {
        return execForm("ENTRYPOINT ");
    }

    /** The exec-form CMD. */
    public List<String> cmd() throws IOException {
        return execForm("CMD ");
    }

    /** The numeric {@code USER uid:gid} the image runs as. */
    public int[] user() {
        String spec = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no USER in " + dockerfile())).substring(5).trim();
        String[] ids = spec.split(":");
        return new int[] {Integer.parseInt(ids[0]), Integer.parseInt(ids[ids.length - 1])};
    }

    /** Copies every COPY source from the repository into {@code root} + its destination, read-only. */
    public void copyInto(Path root) throws IOException {
        for (Copy copy : copies()) {
            Path source = SamTemplate.projectRoot().resolve(copy.source());
            Path target = local(root, copy.destination());
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.copy(source, target);
            target.toFile().setWritable(false, false);
            target.toFile().setReadable(true, false);
        }
    }

    /** An absolute image path mapped under {@code root}. */
    public static Path local(Path root, String imagePath) {
        if (!imagePath.startsWith("/")) {
            throw new IllegalStateException("absolute image paths only: " + imagePath);
        }
        return root.resolve(imagePath.substring(1));
    }

    private List<String> execForm(String instruction) throws IOException {
        String json = lines.stream().filter(l -> l.startsWith(instruction)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no " + instruction.strip() + " in " + dockerfile()))
                .substring(instruction.length()).trim();
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }
}
