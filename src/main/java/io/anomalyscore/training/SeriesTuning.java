package io.anomalyscore.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitProgress;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.tuning.RandomSearch;
import io.anomalyscore.tuning.SearchSpace;
import io.anomalyscore.tuning.SearchSpaces;
import io.anomalyscore.tuning.TrialParameters;
import io.anomalyscore.tuning.TuningObjective;
import io.anomalyscore.tuning.TuningOptions;
import io.anomalyscore.tuning.TuningRecord;

/**
 * {@code --tune} for window detectors: a seeded random search over window length, widths and
 * optimiser settings. Each trial cuts its own windows from the training segment and is ranked by
 * the mean reconstruction error of the windows that stop it early (those ending in the validation
 * segment, or the last tenth of the training windows without one): a proxy, declared as such,
 * even with labels, since a series' validation segment rarely holds enough anomalies to rank by.
 * No window ending in the test segment is ever cut here.
 */
final class SeriesTuning {

    /**
     * The search's result.
     *
     * @param fitted the best trial's fitted detector
     * @param best its configuration (its window included)
     * @param fitWindows windows the best trial fitted on
     * @param record the provenance record
     */
    record Result(FittedDetector fitted, TrialParameters best, int fitWindows, JsonNode record) {}

    private record Kept(FittedDetector fitted, int fitWindows) {}

    private SeriesTuning() {}

    static Result search(TrainingOptions options, SeriesOptions series, TuningOptions tuning, float[][] scaled,
            SeriesSplit split, TrainingProgress progress) {
        int width = scaled.length == 0 ? 1 : scaled[0].length;
        TuningObjective objective = TuningObjective.VALIDATION_LOSS;
        SearchSpace space;
        try {
            // windows no longer than a quarter of the training segment, and no shorter than the stride
            space = SearchSpaces.of(options.detector(), true, width, options.epochs(), split.trainEnd() / 4);
            space = new SearchSpace(space.hidden(), space.minLearningRate(), space.maxLearningRate(),
                    space.batchSizes(), space.weightDecays(), space.epochs(), space.patiences(),
                    space.windows().stream().filter(w -> w >= series.stride()).toList());
        } catch (IllegalArgumentException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
        if (space.windows().isEmpty()) {
            throw new TrainingInputException("--tune: no window length tried fits --stride " + series.stride());
        }
        DetectorKind kind = options.kind();
        FitSettings base = options.fitSettings();
        progress.line(String.format("tuning %s: %s, %s, seed %d; objective: %s; the test segment is not used",
                options.detector(), RandomSearch.METHOD, tuning.budget().describe(), options.seed(),
                objective.declaration()));
        TrialParameters first = new TrialParameters(base.hidden(), base.learningRate(), base.batchSize(),
                base.weightDecay(), base.epochs(), base.patience(), series.window());
        RandomSearch search = new RandomSearch(space, objective, tuning.budget(), options.seed(), System::nanoTime,
                progress::line);
        RandomSearch.Outcome<Kept> outcome = search.run(first, parameters -> {
            InputShape shape = InputShape.window(parameters.window(), width);
            SeriesTrainingPipeline.Windows windows = SeriesTrainingPipeline.Windows.of(scaled, split, shape,
                    series.stride());
            FittedDetector fitted = kind.fitter().fit(new TrainingSet(windows.fit(), null, windows.stop(), null, shape,
                    series.stride()), parameters.applyTo(base), FitProgress.SILENT);
            double value = TrialScoring.objective(kind, fitted, shape, windows.stop(), null, objective);
            TrialParameters resolved = parameters.hidden().isEmpty()
                    ? TabularTuning.withHidden(parameters, TabularTuning.hiddenOf(fitted.config())) : null;
            return new RandomSearch.Evaluated<>(value, fitted.epochsRun(), fitted.bestEpoch(),
                    new Kept(fitted, windows.fit().length), resolved);
        });
        progress.line(String.format("best: trial %d of %d (%s %.6f)", outcome.best(), outcome.trials().size(),
                objective.label(), outcome.bestTrial().objective()));
        return new Result(outcome.kept().fitted(), outcome.bestTrial().parameters(), outcome.kept().fitWindows(),
                TuningRecord.of(outcome, objective, tuning.budget(), space, options.seed()));
    }
}
