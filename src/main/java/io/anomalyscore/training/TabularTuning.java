package io.anomalyscore.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitProgress;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.tuning.RandomSearch;
import io.anomalyscore.tuning.SearchSpace;
import io.anomalyscore.tuning.SearchSpaces;
import io.anomalyscore.tuning.TrialParameters;
import io.anomalyscore.tuning.TuningObjective;
import io.anomalyscore.tuning.TuningOptions;
import io.anomalyscore.tuning.TuningRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --tune} for record detectors: a seeded random search over the detector's space, each
 * trial fitted on the fit rows and ranked on the validation split; the test split never reaches
 * this class. The best trial's fitted detector is kept and published as usual.
 */
final class TabularTuning {

    /**
     * The search's result.
     *
     * @param fitted the best trial's fitted detector
     * @param best its configuration
     * @param record the provenance record
     */
    record Result(FittedDetector fitted, TrialParameters best, JsonNode record) {}

    private TabularTuning() {}

    /**
     * Searches; {@code validation} are the preprocessed validation rows and {@code validationLabels}
     * their labels (or {@code null} without labels).
     */
    static Result search(TrainingOptions options, TuningOptions tuning, TrainingSet set, float[][] validation,
            int[] validationLabels, TrainingProgress progress) {
        TuningObjective objective = tuning.objective(validationLabels != null);
        requireUsable(validation, validationLabels);
        SearchSpace space;
        try {
            space = SearchSpaces.of(options.detector(), false, set.width(), options.epochs(), 0);
        } catch (IllegalArgumentException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
        DetectorKind kind = options.kind();
        FitSettings base = options.fitSettings();
        progress.line(String.format("tuning %s: %s, %s, seed %d; objective: %s; the test split is not used",
                options.detector(), RandomSearch.METHOD, tuning.budget().describe(), options.seed(),
                objective.declaration()));
        TrialParameters first = new TrialParameters(base.hidden(), base.learningRate(), base.batchSize(),
                base.weightDecay(), base.epochs(), base.patience(), null);
        RandomSearch search = new RandomSearch(space, objective, tuning.budget(), options.seed(), System::nanoTime,
                progress::line);
        RandomSearch.Outcome<FittedDetector> outcome = search.run(first, parameters -> {
            FittedDetector fitted = kind.fitter().fit(set, parameters.applyTo(base), FitProgress.SILENT);
            double value = TrialScoring.objective(kind, fitted, set.input(), validation, validationLabels, objective);
            TrialParameters resolved = parameters.hidden().isEmpty()
                    ? withHidden(parameters, hiddenOf(fitted.config())) : null;
            return new RandomSearch.Evaluated<>(value, fitted.epochsRun(), fitted.bestEpoch(), fitted, resolved);
        });
        progress.line(String.format("best: trial %d of %d (%s %.6f)", outcome.best(), outcome.trials().size(),
                objective.label(), outcome.bestTrial().objective()));
        return new Result(outcome.kept(), outcome.bestTrial().parameters(),
                TuningRecord.of(outcome, objective, tuning.budget(), space, options.seed()));
    }

    private static void requireUsable(float[][] validation, int[] labels) {
        if (validation.length == 0) {
            throw new TrainingInputException("--tune needs a validation split to rank trials on (--validation-fraction"
                    + " is 0)");
        }
        if (labels != null && (java.util.Arrays.stream(labels).noneMatch(l -> l == 1)
                || java.util.Arrays.stream(labels).allMatch(l -> l == 1))) {
            throw new TrainingInputException("--tune needs normal and anomalous rows in the validation split to rank"
                    + " trials on; raise --validation-fraction");
        }
    }

    static TrialParameters withHidden(TrialParameters p, List<Integer> hidden) {
        return new TrialParameters(hidden, p.learningRate(), p.batchSize(), p.weightDecay(), p.epochs(),
                p.patience(), p.window());
    }

    static List<Integer> hiddenOf(JsonNode config) {
        List<Integer> hidden = new ArrayList<>();
        config.path("hidden").forEach(w -> hidden.add(w.intValue()));
        return hidden;
    }
}
