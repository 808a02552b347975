package io.anomalyscore.training;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.StoredDetector;
import io.anomalyscore.tuning.TuningObjective;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures a trial's objective: loads the fitted detector in memory as serving would (the same
 * {@link DetectorKind#load}), scores the validation inputs and compares them with their labels, or
 * averages them (the unlabelled proxy: for reconstruction detectors, the validation reconstruction
 * error). It is only ever handed validation inputs.
 */
final class TrialScoring {

    private TrialScoring() {}

    static double objective(DetectorKind kind, FittedDetector fitted, InputShape input, float[][] validation,
            int[] labels, TuningObjective objective) {
        Map<String, byte[]> components = new HashMap<>();
        fitted.components().forEach(p -> components.put(p.file(), p.bytes()));
        try (Detector detector = kind.load(new StoredDetector("tuning-trial", input, fitted.config(), components))) {
            double[] scores = detector.score(validation, false).scores();
            return switch (objective) {
                case PR_AUC -> orNaN(DetectorEvaluator.averagePrecision(scores, labels));
                case ROC_AUC -> orNaN(DetectorEvaluator.rocAuc(scores, labels));
                case VALIDATION_LOSS -> mean(scores);
            };
        }
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double mean(double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return scores.length == 0 ? Double.NaN : sum / scores.length;
    }
}
