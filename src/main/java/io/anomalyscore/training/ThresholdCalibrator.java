package io.anomalyscore.training;

import io.anomalyscore.model.Calibration;
import java.util.Arrays;

/**
 * Chooses the threshold and stores the training score distribution: with labels, the F1-optimal
 * threshold on the validation split (the training split when validation has no anomaly);
 * without, the {@code 1 - contamination} quantile of the fitted rows' scores.
 */
public final class ThresholdCalibrator {

    private ThresholdCalibrator() {}

    /**
     * @param fitScores scores of the rows the network was fitted on (the stored distribution)
     * @param trainingScores scores of the training split
     * @param trainingLabels labels of the training split, or {@code null}
     * @param validationScores scores of the validation split
     * @param validationLabels labels of the validation split, or {@code null}
     * @param contamination expected anomaly share for the unlabelled threshold
     */
    public static Calibration calibrate(double[] fitScores, double[] trainingScores, int[] trainingLabels,
            double[] validationScores, int[] validationLabels, double contamination) {
        double[] quantiles = Calibration.quantilesOf(fitScores);
        if (validationLabels != null && hasAnomaly(validationLabels)) {
            return new Calibration(DetectorEvaluator.f1OptimalThreshold(validationScores, validationLabels),
                    "f1-validation", null, quantiles);
        }
        if (trainingLabels != null && hasAnomaly(trainingLabels)) {
            return new Calibration(DetectorEvaluator.f1OptimalThreshold(trainingScores, trainingLabels),
                    "f1-training", null, quantiles);
        }
        double[] sorted = fitScores.clone();
        Arrays.sort(sorted);
        return new Calibration(Calibration.quantile(sorted, 1 - contamination), "contamination-quantile",
                contamination, quantiles);
    }

    private static boolean hasAnomaly(int[] labels) {
        return Arrays.stream(labels).anyMatch(l -> l == 1);
    }
}
