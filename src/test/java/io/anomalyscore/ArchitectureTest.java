package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.SourceReferences.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules the design rests on, checked on every package-qualified name in the sources
 * (imports and inline names alike): {@code model} (shared by training and serving) refers only to
 * the JDK, DJL and Jackson, {@code evaluation} (shared by training and the benches) only to the
 * JDK, {@code storage} and {@code training} to no Quarkus nor Jakarta, and {@code training} and
 * {@code scoring} never to each other; {@code tuning} (the search behind {@code --tune}) only to the
 * JDK, Jackson and {@code model}: it never sees data, only the trial runner training hands it.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/anomalyscore");

    static final Rule MODEL = Rule.onlyTo("java.", "ai.djl.", "com.fasterxml.jackson.", "io.anomalyscore.model.");
    static final Rule EVALUATION = Rule.onlyTo("java.", "io.anomalyscore.evaluation.");
    static final Rule STORAGE = Rule.never("io.quarkus.", "jakarta.");
    static final Rule TRAINING = Rule.never("io.quarkus.", "jakarta.", "io.anomalyscore.scoring.");
    static final Rule SCORING = Rule.never("io.anomalyscore.training.");
    static final Rule TUNING = Rule.onlyTo("java.", "com.fasterxml.jackson.", "io.anomalyscore.model.",
            "io.anomalyscore.tuning.");

    /** Which qualified names a package may refer to. */
    record Rule(boolean allowList, List<String> prefixes) {

        static Rule onlyTo(String... prefixes) {
            return new Rule(true, Arrays.asList(prefixes));
        }

        static Rule never(String... prefixes) {
            return new Rule(false, Arrays.asList(prefixes));
        }

        /** The references that break this rule. */
        List<Reference> violations(List<Reference> references) {
            return references.stream()
                    .filter(r -> prefixes.stream().anyMatch(r.name()::startsWith) != allowList)
                    .toList();
        }
    }

    @Test
    void modelRefersOnlyToTheJdkDjlAndJackson() throws IOException {
        assertThat(MODEL.violations(references("model"))).isEmpty();
    }

    @Test
    void evaluationRefersOnlyToTheJdk() throws IOException {
        assertThat(EVALUATION.violations(references("evaluation"))).isEmpty();
    }

    @Test
    void storageRefersToNoQuarkusNorJakarta() throws IOException {
        assertThat(STORAGE.violations(references("storage"))).isEmpty();
    }

    @Test
    void trainingRunsWithoutQuarkusAndWithoutScoring() throws IOException {
        assertThat(TRAINING.violations(references("training"))).isEmpty();
    }

    @Test
    void scoringDoesNotDependOnTraining() throws IOException {
        assertThat(SCORING.violations(references("scoring"))).isEmpty();
    }

    @Test
    void tuningRefersOnlyToTheJdkJacksonAndModel() throws IOException {
        assertThat(TUNING.violations(references("tuning"))).isEmpty();
    }

    private static List<Reference> references(String pkg) throws IOException {
        List<Reference> references = SourceReferences.under(MAIN.resolve(pkg));
        assertThat(references).as("qualified names in %s", pkg).isNotEmpty();
        return references;
    }
}
