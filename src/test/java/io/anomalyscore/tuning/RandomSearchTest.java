package io.anomalyscore.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The search without a network: a runner whose objective is a known function of the settings, so
 * which trial wins is predictable; a fake clock for the time budget.
 */
class RandomSearchTest {

    private static final SearchSpace SPACE = SearchSpaces.of("autoencoder", false, 21, 200, 0);
    private static final TrialParameters DEFAULTS = new TrialParameters(List.of(64, 32, 64), 1e-3, 64, 0, 200, 15,
            null);

    /** Peaks at learning rate 3e-3: higher is better. */
    private static RandomSearch.Evaluated<TrialParameters> peaked(TrialParameters p) {
        double objective = -Math.abs(Math.log(p.learningRate()) - Math.log(3e-3));
        return new RandomSearch.Evaluated<>(objective, p.epochs(), p.epochs(), p, null);
    }

    private static RandomSearch search(long seed, TuningBudget budget, TuningObjective objective) {
        AtomicLong clock = new AtomicLong();
        return new RandomSearch(SPACE, objective, budget, seed, clock::get, line -> {});
    }

    @Test
    void theSameSeedAndTrialsTryTheSameConfigurationsAndChooseTheSameOne() {
        RandomSearch.Outcome<TrialParameters> a = search(42, new TuningBudget(12, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        RandomSearch.Outcome<TrialParameters> b = search(42, new TuningBudget(12, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        assertThat(a.trials()).hasSize(12);
        assertThat(a.trials().stream().map(Trial::parameters).toList())
                .isEqualTo(b.trials().stream().map(Trial::parameters).toList());
        assertThat(a.best()).isEqualTo(b.best());
        assertThat(a.kept()).isEqualTo(a.bestTrial().parameters());

        RandomSearch.Outcome<TrialParameters> other = search(7, new TuningBudget(12, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        assertThat(other.trials().stream().skip(1).map(Trial::parameters).toList())
                .isNotEqualTo(a.trials().stream().skip(1).map(Trial::parameters).toList());
    }

    @Test
    void trialOneIsTheConfiguredSettingsAndTheOthersAreDistinctDrawsFromTheSpace() {
        RandomSearch.Outcome<TrialParameters> outcome = search(42, new TuningBudget(20, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        assertThat(outcome.trials().get(0).parameters()).isEqualTo(DEFAULTS);
        assertThat(new HashSet<>(outcome.trials().stream().map(Trial::parameters).toList())).hasSize(20);
        for (Trial t : outcome.trials().subList(1, 20)) {
            TrialParameters p = t.parameters();
            assertThat(SPACE.hidden()).contains(p.hidden());
            assertThat(SPACE.batchSizes()).contains(p.batchSize());
            assertThat(SPACE.weightDecays()).contains(p.weightDecay());
            assertThat(SPACE.epochs()).contains(p.epochs());
            assertThat(SPACE.patiences()).contains(p.patience());
            assertThat(p.learningRate()).isBetween(SPACE.minLearningRate(), SPACE.maxLearningRate());
        }
    }

    @Test
    void theBestIsTheHighestOrTheLowestObjectiveAsItsDirectionSays() {
        RandomSearch.Outcome<TrialParameters> high = search(42, new TuningBudget(10, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        double max = high.trials().stream().mapToDouble(Trial::objective).max().orElseThrow();
        assertThat(high.bestTrial().objective()).isEqualTo(max);

        RandomSearch.Outcome<TrialParameters> low = search(42, new TuningBudget(10, null),
                TuningObjective.VALIDATION_LOSS).run(DEFAULTS, RandomSearchTest::peaked);
        double min = low.trials().stream().mapToDouble(Trial::objective).min().orElseThrow();
        assertThat(low.bestTrial().objective()).isEqualTo(min);
        assertThat(low.kept()).isEqualTo(low.bestTrial().parameters());
    }

    @Test
    void aDivergedTrialIsRecordedButNeverChosen() {
        List<Integer> calls = new ArrayList<>();
        RandomSearch.Outcome<TrialParameters> outcome = search(42, new TuningBudget(4, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, p -> {
                    calls.add(1);
                    return calls.size() == 1 ? new RandomSearch.Evaluated<>(Double.NaN, 3, 1, p, null)
                            : peaked(p);
                });
        assertThat(outcome.trials()).hasSize(4);
        assertThat(outcome.trials().get(0).objective()).isNaN();
        assertThat(outcome.best()).isNotEqualTo(1);
        assertThat(outcome.trials().get(0).toJson().get("objective").isNull()).isTrue();

        assertThatThrownBy(() -> search(42, new TuningBudget(2, null), TuningObjective.PR_AUC)
                .run(DEFAULTS, p -> new RandomSearch.Evaluated<>(Double.NaN, 1, 1, p, null)))
                .hasMessageContaining("every trial diverged");
    }

    @Test
    void theTimeBudgetStopsTheSearchAfterTheTrialThatSpentIt() {
        AtomicLong clock = new AtomicLong();
        RandomSearch timed = new RandomSearch(SPACE, TuningObjective.PR_AUC,
                new TuningBudget(null, Duration.ofSeconds(10)), 42, clock::get, line -> {});
        RandomSearch.Outcome<TrialParameters> outcome = timed.run(DEFAULTS, p -> {
            clock.addAndGet(Duration.ofSeconds(3).toNanos());
            return peaked(p);
        });
        // trials start at 0, 3, 6 and 9 s; the fifth would start at 12 s
        assertThat(outcome.trials()).hasSize(4);
        assertThat(outcome.trials()).allSatisfy(t -> assertThat(t.seconds()).isEqualTo(3.0));

        RandomSearch both = new RandomSearch(SPACE, TuningObjective.PR_AUC,
                new TuningBudget(2, Duration.ofHours(1)), 42, clock::get, line -> {});
        assertThat(both.run(DEFAULTS, RandomSearchTest::peaked).trials()).hasSize(2);
    }

    @Test
    void theRecordHasTheContractsFields() {
        TuningBudget budget = new TuningBudget(3, null);
        RandomSearch.Outcome<TrialParameters> outcome = search(42, budget, TuningObjective.PR_AUC)
                .run(DEFAULTS, RandomSearchTest::peaked);
        var record = TuningRecord.of(outcome, TuningObjective.PR_AUC, budget, SPACE, 42);
        assertThat(record.get("objective").asText()).isEqualTo("validation PR-AUC");
        assertThat(record.get("method").asText()).isEqualTo("random search");
        assertThat(record.get("seed").asLong()).isEqualTo(42);
        assertThat(record.get("best").asInt()).isEqualTo(outcome.best());
        assertThat(record.get("trials")).hasSize(3);
        var first = record.get("trials").get(0);
        assertThat(first.get("trial").asInt()).isEqualTo(1);
        assertThat(first.get("parameters").get("hidden").toString()).isEqualTo("[64,32,64]");
        assertThat(first.get("parameters").get("learningRate").asDouble()).isEqualTo(1e-3);
        assertThat(first.get("objective").asDouble()).isEqualTo(outcome.trials().get(0).objective());
        assertThat(first.get("epochs").asInt()).isEqualTo(200);
        assertThat(first.has("seconds")).isTrue();
    }
}
