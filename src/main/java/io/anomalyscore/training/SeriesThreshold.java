package io.anomalyscore.training;

import io.anomalyscore.model.Calibration;
import java.util.Arrays;

/**
 * Chooses a series model's threshold and stores its training step scores as the calibration:
 * <ul>
 *   <li>{@code contamination}: the {@code 1 - contamination} quantile of the training step scores;
 *   <li>{@code f1}: the F1-optimal threshold on the labelled validation segment;
 *   <li>{@code quantile-factor}: a quantile of the training step scores times a factor, SKAB's
 *       rule for its autoencoders (their upper control limit, by default {@code 0.99} and {@code 4/3});
 *   <li>{@code auto}: {@code f1} when the validation segment holds a labelled anomaly, else
 *       {@code contamination}.
 * </ul>
 */
final class SeriesThreshold {

    private SeriesThreshold() {}

    static Calibration choose(SeriesScores scores, SeriesOptions s, double contamination) {
        double[] sorted = scores.training().clone();
        Arrays.sort(sorted);
        double[] quantiles = Calibration.quantilesOf(sorted);
        String rule = s.threshold();
        if (rule.equals("auto")) {
            rule = scores.validationHasAnomaly() ? "f1" : "contamination";
        }
        return switch (rule) {
            case "f1" -> {
                if (!scores.validationHasAnomaly()) {
                    throw new TrainingInputException("--threshold f1 needs a labelled validation segment with an"
                            + " anomaly (set --label and --validation-fraction)");
                }
                yield new Calibration(DetectorEvaluator.f1OptimalThreshold(scores.validation(),
                        scores.validationLabels()), "f1-validation", null, quantiles);
            }
            case "quantile-factor" -> new Calibration(Calibration.quantile(sorted, s.quantile()) * s.factor(),
                    "quantile-factor", null, quantiles);
            default -> new Calibration(Calibration.quantile(sorted, 1 - contamination), "contamination-quantile",
                    contamination, quantiles);
        };
    }
}
