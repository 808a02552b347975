package io.anomalyscore.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scorer reproduces NAB's published per-file raw scores and row counts for two of its
 * detectors, scoring their per-row results at NAB's thresholds (data: src/test/resources/nab).
 */
class NabScorerPublishedTest {

    static final Path NAB = Path.of("src/test/resources/nab");
    static final List<String> SERIES = List.of("ec2_cpu_utilization_5f5533", "rds_cpu_utilization_cc0c53");
    static final List<String> DETECTORS = List.of("numenta", "ARTime");

    static Stream<Arguments> publishedCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String detector : DETECTORS) {
            for (NabProfile profile : NabProfile.all()) {
                for (String series : SERIES) {
                    cases.add(Arguments.of(detector, profile, series));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("publishedCases")
    void reproducesThePublishedScoreAndCounts(String detector, NabProfile profile, String series) {
        NabPublishedScores published = NabPublishedScores.in(NAB);
        NabPublishedScores.Row expected = published.row(detector, profile.name(), series).orElseThrow();
        double threshold = published.threshold(detector, profile.name());
        assertThat(threshold).isCloseTo(expected.threshold(), within(1e-6));

        int[] labels = NabCsv.windowLabels(NAB.resolve("series/" + series + ".csv"));
        double[] scores = NabCsv.anomalyScores(NAB.resolve("results/" + detector + "/" + series + ".csv"));
        NabFileScore actual = NabScorer.scoreFile(labels, Detections.atThreshold(scores, threshold), profile);

        assertThat(actual.rawScore()).isCloseTo(expected.score(), within(1e-6));
        assertThat(List.of(actual.truePositives(), actual.trueNegatives(), actual.falsePositives(),
                actual.falseNegatives())).containsExactly(expected.tp(), expected.tn(), expected.fp(), expected.fn());
        assertThat(actual.windows()).isEqualTo(2);
        assertThat(actual.nullScore()).isEqualTo(-2 * profile.fnWeight());
        assertThat(actual.perfectScore()).isEqualTo(2 * profile.tpWeight());
    }

    @Test
    void theCasesCoverFalsePositivesAndMissedWindows() {
        NabPublishedScores published = NabPublishedScores.in(NAB);
        List<NabPublishedScores.Row> rows = publishedCases()
                .map(a -> published.row((String) a.get()[0], ((NabProfile) a.get()[1]).name(), (String) a.get()[2])
                        .orElseThrow())
                .toList();
        assertThat(rows).anyMatch(r -> r.fp() > 0);
        assertThat(rows).as("a missed window: the score is below -A_FN plus one detected window")
                .anyMatch(r -> r.detector().equals("numenta") && r.score() < 0);
    }

    @Test
    void profilesEqualNabsProfilesJson() throws IOException {
        JsonNode profiles = new ObjectMapper().readTree(NAB.resolve("profiles.json").toFile());
        assertThat(profiles.size()).isEqualTo(NabProfile.all().size());
        for (NabProfile profile : NabProfile.all()) {
            JsonNode costs = profiles.path(profile.name()).path("CostMatrix");
            assertThat(List.of(profile.tpWeight(), profile.fpWeight(), profile.fnWeight(), profile.tnWeight()))
                    .as(profile.name())
                    .containsExactly(costs.path("tpWeight").asDouble(Double.NaN),
                            costs.path("fpWeight").asDouble(Double.NaN),
                            costs.path("fnWeight").asDouble(Double.NaN),
                            costs.path("tnWeight").asDouble(Double.NaN));
        }
    }
}
