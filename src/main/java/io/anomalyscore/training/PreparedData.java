package io.anomalyscore.training;

import io.anomalyscore.model.DetectorType;

/**
 * Rows of a run, split and selected: what the network fits on, what steers early stopping,
 * and what the shipped model is evaluated on.
 *
 * @param fit rows the network and the preprocessing are fitted on
 * @param fitLabels labels of {@code fit} (classifier targets), or {@code null}
 * @param stop rows whose loss drives early stopping
 * @param stopLabels labels of {@code stop}, or {@code null}
 * @param training all training-split rows (for metrics)
 * @param trainingLabels their labels, or {@code null}
 * @param validation validation-split rows (for metrics and the F1 threshold)
 * @param validationLabels their labels, or {@code null}
 * @param mode {@code supervised}, {@code semi-supervised} or {@code unsupervised}
 */
record PreparedData(double[][] fit, int[] fitLabels, double[][] stop, int[] stopLabels, double[][] training,
        int[] trainingLabels, double[][] validation, int[] validationLabels, String mode) {

    /** Splits {@code data} as {@code options} say and checks the labels make sense for it. */
    static PreparedData of(TabularData data, TrainingOptions options) {
        int[] labels = data.labels();
        checkLabels(data, options);
        DataSplit split = DataSplit.of(data.size(), labels, options.validationFraction(), options.seed());
        double[][] training = DataSplit.select(data.rows(), split.training());
        double[][] validation = DataSplit.select(data.rows(), split.validation());
        if (labels == null) {
            return new PreparedData(training, null, validation, null, training, null, validation, null,
                    "unsupervised");
        }
        int[] trainingLabels = DataSplit.select(labels, split.training());
        int[] validationLabels = DataSplit.select(labels, split.validation());
        if (options.detector() == DetectorType.CLASSIFIER) {
            return new PreparedData(training, trainingLabels, validation, validationLabels, training,
                    trainingLabels, validation, validationLabels, "supervised");
        }
        if (options.unsupervised()) {
            return new PreparedData(training, null, validation, null, training, trainingLabels, validation,
                    validationLabels, "unsupervised");
        }
        return new PreparedData(normal(training, trainingLabels), null, normal(validation, validationLabels), null,
                training, trainingLabels, validation, validationLabels, "semi-supervised");
    }

    private static double[][] normal(double[][] rows, int[] labels) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (labels[i] == 0) {
                out.add(rows[i]);
            }
        }
        return out.toArray(double[][]::new);
    }

    private static void checkLabels(TabularData data, TrainingOptions options) {
        if (data.labels() == null) {
            return;
        }
        long anomalies = java.util.Arrays.stream(data.labels()).filter(l -> l == 1).count();
        String where = data.source() + ": label column '" + options.labelColumn() + "'";
        if (anomalies == data.size()) {
            throw new TrainingInputException(where + " marks every row as anomalous (1); "
                    + "a detector needs normal rows (0)");
        }
        if (options.detector() == DetectorType.CLASSIFIER && anomalies == 0) {
            throw new TrainingInputException(where + " has only one class (0); the classifier needs both 0 and 1");
        }
        if (options.detector() == DetectorType.CLASSIFIER && anomalies < 2) {
            throw new TrainingInputException(where + " has " + anomalies
                    + " anomaly; the classifier needs at least 2");
        }
    }
}
