package io.anomalyscore.model.detector;

/** Where a fitter reports progress; the training command prints it. */
public interface FitProgress {

    /** A sink that drops everything. */
    FitProgress SILENT = new FitProgress() {
        @Override
        public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean improved,
                long nanos) {}

        @Override
        public void line(String text) {}
    };

    /**
     * One finished epoch.
     *
     * @param validationLoss NaN when there is no validation data
     * @param improved whether this epoch is the best so far
     */
    void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean improved, long nanos);

    /** A free-form line. */
    void line(String text);
}
