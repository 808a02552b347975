package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.anomalyscore.SourceReferences.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker behind {@link ArchitectureTest}: it sees inline qualified names and ignores prose and literals. */
class SourceReferencesTest {

    /** A training class that imports nothing forbidden but reaches scoring and Quarkus inline. */
    private static final String TRAINING_SOURCE = """
            package io.anomalyscore.training;

            import java.util.List;
            import io.quarkus.runtime.*;

            /** Unlike io.anomalyscore.scoring.ScoreResource, this runs without a server. */
            final class Sneaky {
                // io.quarkus.runtime.Quarkus is mentioned here only
                private final String text = "io.anomalyscore.scoring.ScoringService /* not a comment";
                private final char quote = '"';
                private final String block = \"""
                        io.quarkus.arc.Arc
                        \""";

                @io.quarkus.runtime.Startup
                List<String> run(Object o) {
                    var service = new io.anomalyscore.scoring
                            .ScoringService();
                    java.lang.reflect.Method m = null;
                    return List.of(o.toString(), io.anomalyscore.scoring.lambda.DirectInvocation.class.getName());
                }
            }
            """;

    @Test
    void findsImportsAndInlineNamesWithTheirLines() {
        assertThat(SourceReferences.in(TRAINING_SOURCE, "Sneaky.java")).extracting(Reference::toString)
                .containsExactly(
                "Sneaky.java:3 java.util.List",
                "Sneaky.java:4 io.quarkus.runtime.*",
                "Sneaky.java:15 io.quarkus.runtime.Startup",
                "Sneaky.java:17 io.anomalyscore.scoring.ScoringService",
                "Sneaky.java:19 java.lang.reflect.Method",
                "Sneaky.java:20 io.anomalyscore.scoring.lambda.DirectInvocation");
    }

    @Test
    void theTrainingRuleFailsOnInlineReferences() {
        List<Reference> violations = ArchitectureTest.TRAINING.violations(SourceReferences.in(TRAINING_SOURCE, "S"));
        assertThat(violations).extracting(Reference::name).containsExactly("io.quarkus.runtime.*",
                "io.quarkus.runtime.Startup", "io.anomalyscore.scoring.ScoringService",
                "io.anomalyscore.scoring.lambda.DirectInvocation");
    }

    @Test
    void theModelRuleFailsOnAnInlineFrameworkName() {
        String model = "package io.anomalyscore.model;\nclass M { Object o = new org.slf4j.LoggerFactory(); "
                + "java.util.Map<String, ai.djl.ndarray.NDArray> ok; com.fasterxml.jackson.databind.ObjectMapper j; }";
        assertThat(ArchitectureTest.MODEL.violations(SourceReferences.in(model, "M"))).extracting(Reference::name)
                .containsExactly("org.slf4j.LoggerFactory");
    }

    @Test
    void theScoringRuleFailsOnAnInlineTrainingName() {
        String scoring = "class S { int n = io.anomalyscore.training.TrainCommand.execute(null, null); }";
        assertThat(ArchitectureTest.SCORING.violations(SourceReferences.in(scoring, "S"))).extracting(Reference::line,
                Reference::name).containsExactly(tuple(1, "io.anomalyscore.training.TrainCommand"));
    }

    @Test
    void blanksCommentsAndLiteralsButKeepsLineBreaks() {
        String stripped = SourceReferences.strip("a /* x\ny */ b // z\n\"q\\\"r\" 'c' d");
        assertThat(stripped).isEqualTo("a     \n     b     \n" + " ".repeat(10) + " d");
    }
}
