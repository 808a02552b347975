package io.anomalyscore.model.detector;

/**
 * Fits a detector on preprocessed data (PyOD's {@code fit}); the pipeline around it splits,
 * preprocesses, thresholds and calibrates, so a fitter only learns what its scores need.
 */
public interface DetectorFitter {

    /**
     * Fits on {@code data}; must be deterministic for a given seed and thread count.
     *
     * @param progress where per-epoch progress goes
     */
    FittedDetector fit(TrainingSet data, FitSettings settings, FitProgress progress);
}
