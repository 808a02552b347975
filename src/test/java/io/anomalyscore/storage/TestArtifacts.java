package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Artifact folders for the store tests: the shipped default model (a real, loadable one), and fakes
 * whose manifest only lists files, which is all a store reads.
 */
final class TestArtifacts {

    static final Path DEFAULT_MODEL = Path.of("src/main/resources/default-model");

    private TestArtifacts() {}

    /** The default model's version, a content hash. */
    static String defaultVersion() throws IOException {
        return Files.readString(DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST))
                .replaceAll("(?s).*\"version\" : \"([0-9a-f]+)\".*", "$1");
    }

    /**
     * A format 2 artifact in {@code dir/name} listing {@code components}, each holding {@code
     * content} and its own name, so two fakes with other content differ in every file.
     */
    static Path fake(Path dir, String name, String content, String... components) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        String listed = Arrays.stream(components).map(c -> "{\"file\":\"" + c + "\"}")
                .collect(Collectors.joining(","));
        Files.writeString(folder.resolve(ModelArtifact.MANIFEST),
                "{\"formatVersion\":2,\"content\":\"" + content + "\",\"components\":[" + listed + "]}");
        for (String component : components) {
            Files.writeString(folder.resolve(component), content + " " + component);
        }
        return folder;
    }

    /** Every regular file below {@code dir}, by path relative to it, with its bytes as text. */
    static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
