package io.anomalyscore.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a run that trains a window detector on a series, beside the common {@link
 * TrainingOptions}.
 *
 * @param window steps per window
 * @param stride steps between the starts of consecutive training windows
 * @param timeColumn timestamp column, or {@code null}
 * @param maxGapSeconds largest allowed step between timestamps, or {@code null} for any
 * @param trainRows rows of the training segment, or {@code null} to use {@code trainFraction}
 * @param trainFraction share of rows in the training segment, or {@code null} for {@code 1 -
 *     validation - test}
 * @param threshold {@code auto}, {@code contamination}, {@code f1} or {@code quantile-factor}
 * @param quantile the quantile of {@code quantile-factor}
 * @param factor the factor of {@code quantile-factor}
 * @param error the window's reconstruction error, {@code squared} or {@code absolute}
 * @param alert the alert rule of the served flags ({@link io.anomalyscore.model.SeriesAlerts})
 * @param selectWidth fit the detector at 1, 2 and 4 times its default widths and keep the one with
 *     the lowest early-stopping loss ({@code --select-width})
 * @param keepWeights {@code best} (the epoch with the lowest early-stopping loss) or {@code last}
 *     (the last epoch run, as Keras' early stopping keeps them) ({@code --keep-weights})
 */
public record SeriesOptions(int window, int stride, String timeColumn, Double maxGapSeconds, Integer trainRows,
        Double trainFraction, String threshold, double quantile, double factor, String error, String alert,
        boolean selectWidth, String keepWeights) {

    /** The defaults for {@code error} and {@code alert}. */
    public SeriesOptions(int window, int stride, String timeColumn, Double maxGapSeconds, Integer trainRows,
            Double trainFraction, String threshold, double quantile, double factor) {
        this(window, stride, timeColumn, maxGapSeconds, trainRows, trainFraction, threshold, quantile, factor,
                "squared", io.anomalyscore.model.SeriesAlerts.WINDOW, false, "best");
    }

    /** The threshold rules. */
    public static final java.util.List<String> THRESHOLDS = java.util.List.of("auto", "contamination", "f1",
            "quantile-factor");

    public SeriesOptions {
        check(window >= 2 && window <= 1024, "--window must be in [2, 1024]");
        check(stride >= 1 && stride <= window, "--stride must be in [1, --window]");
        check(maxGapSeconds == null || maxGapSeconds > 0, "--max-gap must be positive");
        check(maxGapSeconds == null || timeColumn != null, "--max-gap needs --time");
        check(trainRows == null || trainFraction == null, "give --train-rows or --train-fraction, not both");
        check(trainRows == null || trainRows >= window, "--train-rows must be at least --window");
        check(trainFraction == null || (trainFraction > 0 && trainFraction <= 1), "--train-fraction must be in (0, 1]");
        check(THRESHOLDS.contains(threshold), "--threshold must be one of " + THRESHOLDS);
        check(quantile > 0 && quantile <= 1, "--threshold-quantile must be in (0, 1]");
        check(factor > 0 && Double.isFinite(factor), "--threshold-factor must be positive");
        check(io.anomalyscore.model.detector.sequence.WindowConfig.ERRORS.contains(error),
                "--window-error must be one of " + io.anomalyscore.model.detector.sequence.WindowConfig.ERRORS);
        check(io.anomalyscore.model.SeriesAlerts.RULES.contains(alert),
                "--alert must be one of " + io.anomalyscore.model.SeriesAlerts.RULES);
        check(keepWeights.equals("best") || keepWeights.equals("last"), "--keep-weights must be best or last");
    }

    /** Whether training keeps the last epoch's weights. */
    public boolean keepLast() {
        return keepWeights.equals("last");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new TrainingInputException(message);
        }
    }

    /** These options with another window length (the one {@code --tune} chose). */
    public SeriesOptions withWindow(int newWindow) {
        return new SeriesOptions(newWindow, stride, timeColumn, maxGapSeconds, trainRows, trainFraction, threshold,
                quantile, factor, error, alert, selectWidth, keepWeights);
    }

    /** The settings as text, for the manifest's provenance. */
    public Map<String, String> hyperParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("window", Integer.toString(window));
        p.put("stride", Integer.toString(stride));
        p.put("time", String.valueOf(timeColumn));
        p.put("maxGapSeconds", String.valueOf(maxGapSeconds));
        p.put("trainRows", String.valueOf(trainRows));
        p.put("trainFraction", String.valueOf(trainFraction));
        p.put("threshold", threshold);
        p.put("thresholdQuantile", Double.toString(quantile));
        p.put("thresholdFactor", Double.toString(factor));
        p.put("windowError", error);
        p.put("alert", alert);
        if (selectWidth) {
            p.put("selectWidth", "true");
        }
        if (keepLast()) {
            p.put("keepWeights", keepWeights);
        }
        return p;
    }
}
