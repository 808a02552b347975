package io.anomalyscore.training;

import java.util.Arrays;

/** Refuses labels a run cannot use, with a message saying what to change. */
final class LabelCheck {

    private LabelCheck() {}

    static void check(TabularData data, TrainingOptions options) {
        int[] labels = data.labels();
        if (labels == null) {
            return;
        }
        long anomalies = Arrays.stream(labels).filter(l -> l == 1).count();
        long normal = labels.length - anomalies;
        String where = data.source() + ": label column '" + options.labelColumn() + "'";
        if (normal == 0) {
            throw new TrainingInputException(where + " marks every row as anomalous (1); "
                    + "a detector needs normal rows (0)");
        }
        boolean supervised = options.kind().supervised();
        if (supervised && anomalies == 0) {
            throw new TrainingInputException(where + " has only one class (0); the " + options.detector()
                    + " needs both 0 and 1");
        }
        if (supervised && anomalies < 2) {
            throw new TrainingInputException(where + " has " + anomalies + " anomaly; the " + options.detector()
                    + " needs at least 2");
        }
        boolean heldOut = options.testFraction() > 0;
        if (heldOut && anomalies > 0 && anomalies < 3) {
            throw new TrainingInputException(where + " has " + anomalies + " anomalous row(s): a stratified "
                    + "train/validation/test split needs at least 3 (one per split); add labelled anomalies, or set "
                    + "--test-fraction 0 to evaluate on the rows that chose the threshold");
        }
        if (heldOut && normal < 3) {
            throw new TrainingInputException(where + " has " + normal + " normal row(s): a stratified "
                    + "train/validation/test split needs at least 3");
        }
    }
}
