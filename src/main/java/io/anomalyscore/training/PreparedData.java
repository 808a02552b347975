package io.anomalyscore.training;

/**
 * Rows of a run, split and selected: what the detector fits on, what steers early stopping and
 * the threshold, and what the shipped model is evaluated on.
 *
 * @param fit rows the detector and the preprocessing are fitted on
 * @param fitLabels labels of {@code fit} (supervised detectors' targets), or {@code null}
 * @param stop rows whose loss drives early stopping
 * @param stopLabels labels of {@code stop} for supervised detectors, or {@code null}
 * @param training all training-split rows (for metrics)
 * @param trainingLabels their labels, or {@code null}
 * @param validation validation-split rows (early stopping, the F1 threshold, metrics)
 * @param validationLabels their labels, or {@code null}
 * @param test test-split rows: they choose nothing, so their metrics are the headline
 * @param testLabels their labels, or {@code null}
 * @param mode {@code supervised}, {@code semi-supervised} or {@code unsupervised}
 */
record PreparedData(double[][] fit, int[] fitLabels, double[][] stop, int[] stopLabels, double[][] training,
        int[] trainingLabels, double[][] validation, int[] validationLabels, double[][] test, int[] testLabels,
        String mode) {

    /**
     * Splits {@code data} as {@code options} say and checks the labels make sense for it. Without
     * labels there is nothing to evaluate, so no test split is held out.
     */
    static PreparedData of(TabularData data, TrainingOptions options) {
        int[] labels = data.labels();
        boolean supervised = options.kind().supervised();
        LabelCheck.check(data, options);
        double testFraction = labels == null ? 0 : options.testFraction();
        DataSplit split = DataSplit.of(data.size(), labels, options.validationFraction(), testFraction,
                options.seed());
        double[][] training = DataSplit.select(data.rows(), split.training());
        double[][] validation = DataSplit.select(data.rows(), split.validation());
        double[][] test = DataSplit.select(data.rows(), split.test());
        if (labels == null) {
            return new PreparedData(training, null, validation, null, training, null, validation, null, test, null,
                    "unsupervised");
        }
        int[] trainingLabels = DataSplit.select(labels, split.training());
        int[] validationLabels = DataSplit.select(labels, split.validation());
        int[] testLabels = DataSplit.select(labels, split.test());
        if (supervised) {
            return new PreparedData(training, trainingLabels, validation, validationLabels, training,
                    trainingLabels, validation, validationLabels, test, testLabels, "supervised");
        }
        if (options.unsupervised()) {
            return new PreparedData(training, null, validation, null, training, trainingLabels, validation,
                    validationLabels, test, testLabels, "unsupervised");
        }
        return new PreparedData(normal(training, trainingLabels), null, normal(validation, validationLabels), null,
                training, trainingLabels, validation, validationLabels, test, testLabels, "semi-supervised");
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
}
