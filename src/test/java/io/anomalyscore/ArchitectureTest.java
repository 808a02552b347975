package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules the design rests on, checked on the sources: {@code model} (shared by training
 * and serving) imports no framework, {@code storage} no Quarkus, and {@code training} and
 * {@code scoring} never import each other.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/anomalyscore");

    @Test
    void modelImportsOnlyTheJdkDjlAndJackson() throws IOException {
        assertThat(imports("model"))
                .allMatch(i -> i.startsWith("java.") || i.startsWith("ai.djl.") || i.startsWith("com.fasterxml.jackson.")
                        || i.startsWith("io.anomalyscore.model."));
    }

    @Test
    void storageImportsNoQuarkusNorJakarta() throws IOException {
        assertThat(imports("storage")).noneMatch(i -> i.startsWith("io.quarkus.") || i.startsWith("jakarta."));
    }

    @Test
    void trainingAndScoringDoNotDependOnEachOther() throws IOException {
        assertThat(imports("training")).noneMatch(i -> i.startsWith("io.anomalyscore.scoring"));
        assertThat(imports("scoring")).noneMatch(i -> i.startsWith("io.anomalyscore.training"));
    }

    @Test
    void trainingRunsWithoutQuarkus() throws IOException {
        assertThat(imports("training")).noneMatch(i -> i.startsWith("io.quarkus.") || i.startsWith("jakarta."));
    }

    private static List<String> imports(String pkg) throws IOException {
        List<String> imports = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        imports.add(line.substring(7).replace("static ", "").replace(";", "").strip());
                    }
                }
            }
        }
        assertThat(imports).as("imports of %s", pkg).isNotEmpty();
        return imports;
    }
}
