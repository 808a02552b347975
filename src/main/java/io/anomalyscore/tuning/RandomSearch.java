package io.anomalyscore.tuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Seeded random search: trial 1 is the configuration the run's options give (so the search can
 * only match or beat it on the validation split), every further trial a distinct configuration
 * drawn from the space by a {@link Random} seeded with the run's seed. Draws never depend on
 * results, so the same seed and number of trials try the same configurations, and with training
 * deterministic (one thread) they choose the same one. Only the best trial's fitted result is
 * kept.
 */
public final class RandomSearch {

    /** The method's name in provenance. */
    public static final String METHOD = "random search";
    /** Draws tried per trial before accepting a configuration already tried (tiny spaces). */
    private static final int DRAWS = 50;

    /** Fits and scores one configuration. */
    public interface TrialRunner<T> {
        /** Trains {@code parameters} and measures the objective on the validation split only. */
        Evaluated<T> run(TrialParameters parameters);
    }

    /**
     * What a trial produced.
     *
     * @param objective the objective (NaN if training diverged: such a trial is never the best)
     * @param kept the fitted result, kept only while it is the best
     * @param resolved the configuration as trained, defaults filled in (e.g. the detector's default
     *     widths when the options named none), or {@code null} when it is the one asked for
     */
    public record Evaluated<T>(double objective, int epochsRun, int bestEpoch, T kept, TrialParameters resolved) {}

    /**
     * A finished search.
     *
     * @param trials every trial, in order
     * @param best the best trial's number
     * @param kept the best trial's fitted result
     */
    public record Outcome<T>(List<Trial> trials, int best, T kept) {

        /** The best trial. */
        public Trial bestTrial() {
            return trials.get(best - 1);
        }
    }

    private final SearchSpace space;
    private final TuningObjective objective;
    private final TuningBudget budget;
    private final long seed;
    private final LongSupplier nanoTime;
    private final Consumer<String> progress;

    public RandomSearch(SearchSpace space, TuningObjective objective, TuningBudget budget, long seed,
            LongSupplier nanoTime, Consumer<String> progress) {
        this.space = space;
        this.objective = objective;
        this.budget = budget;
        this.seed = seed;
        this.nanoTime = nanoTime;
        this.progress = progress;
    }

    /**
     * Runs trials until the budget is spent.
     *
     * @throws IllegalStateException if every trial diverged
     */
    public <T> Outcome<T> run(TrialParameters first, TrialRunner<T> runner) {
        Random random = new Random(seed);
        Set<TrialParameters> tried = new HashSet<>();
        List<Trial> trials = new ArrayList<>();
        long start = nanoTime.getAsLong();
        int best = 0;
        T kept = null;
        TrialParameters next = first;
        while (budget.allowsAnother(trials.size(), Duration.ofNanos(nanoTime.getAsLong() - start))) {
            if (!trials.isEmpty()) {
                next = draw(random, tried);
            }
            tried.add(next);
            int number = trials.size() + 1;
            long trialStart = nanoTime.getAsLong();
            Evaluated<T> result = runner.run(next);
            if (result.resolved() != null) {
                next = result.resolved();
                tried.add(next);
            }
            Trial trial = new Trial(number, next, result.objective(), result.epochsRun(), result.bestEpoch(),
                    (nanoTime.getAsLong() - trialStart) / 1e9);
            trials.add(trial);
            boolean improved = Double.isFinite(result.objective())
                    && (best == 0 || objective.better(result.objective(), trials.get(best - 1).objective()));
            if (improved) {
                best = number;
                kept = result.kept();
            }
            progress.accept(String.format("trial %d: %s -> %s %s (%d epochs, %.1f s)%s", number, next.describe(),
                    objective.label(), Double.isFinite(result.objective()) ? String.format("%.6f", result.objective())
                            : "diverged", result.epochsRun(), trial.seconds(), improved ? " *" : ""));
        }
        if (best == 0) {
            throw new IllegalStateException("--tune: every trial diverged (no finite " + objective.label() + ")");
        }
        return new Outcome<>(List.copyOf(trials), best, kept);
    }

    private TrialParameters draw(Random random, Set<TrialParameters> tried) {
        TrialParameters candidate = space.sample(random);
        for (int i = 1; i < DRAWS && tried.contains(candidate); i++) {
            candidate = space.sample(random);
        }
        return candidate;
    }
}
