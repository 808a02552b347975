package io.anomalyscore.training;

import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.tuning.TuningObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --select-width} for window detectors: the detector is fitted at its default widths and
 * at two and four times them, and the fit whose early-stopping windows (the validation segment's,
 * or the last tenth of the training windows without one) it reconstructs best, by their mean
 * squared error, the loss early stopping itself minimises, is kept. No test window is used; on a
 * tie the smaller network is kept.
 */
final class WidthSelection {

    /** The multiples of the default widths tried, smallest first. */
    static final List<Integer> FACTORS = List.of(1, 2, 4);

    /**
     * The chosen fit.
     *
     * @param fitted the kept detector
     * @param losses the early-stopping windows' mean squared error of each candidate, in {@link #FACTORS} order
     * @param chosen the index of the kept candidate
     * @param epochs the kept candidate's epoch losses, for the report
     */
    record Result(FittedDetector fitted, List<Double> losses, int chosen, EpochLog epochs) {}

    private WidthSelection() {}

    static Result choose(DetectorKind kind, TrainingSet set, FitSettings base, TrainingProgress progress) {
        if (set.stop().length == 0) {
            throw new TrainingInputException("--select-width needs windows to compare the widths on");
        }
        List<Double> losses = new ArrayList<>();
        FittedDetector best = null;
        EpochLog bestEpochs = null;
        int chosen = -1;
        List<Integer> defaults = null;
        for (int i = 0; i < FACTORS.size(); i++) {
            FitSettings settings = base;
            if (defaults != null) {
                int factor = FACTORS.get(i);
                settings = new FitSettings(base.epochs(), base.patience(), base.batchSize(), base.learningRate(),
                        base.seed(), defaults.stream().map(w -> Math.min(1024, w * factor)).toList(),
                        base.weightDecay());
            }
            EpochLog epochs = new EpochLog(progress);
            FittedDetector fitted = kind.fitter().fit(set, settings, epochs);
            List<Integer> hidden = TabularTuning.hiddenOf(fitted.config());
            if (defaults == null) {
                defaults = hidden;
            }
            double loss = TrialScoring.objective(kind, fitted, set.input(), set.stop(), null,
                    TuningObjective.VALIDATION_LOSS);
            progress.line(String.format(Locale.ROOT, "width %s: early-stopping windows' mean squared error %.6f",
                    hidden, loss));
            losses.add(loss);
            if (best == null || loss < losses.get(chosen)) {
                best = fitted;
                bestEpochs = epochs;
                chosen = i;
            }
        }
        progress.line("kept width " + TabularTuning.hiddenOf(best.config()));
        return new Result(best, losses, chosen, bestEpochs);
    }
}
