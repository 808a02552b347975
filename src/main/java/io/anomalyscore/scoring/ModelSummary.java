package io.anomalyscore.scoring;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Evaluation;
import java.util.List;

/**
 * The body of {@code GET /v1/model}: what the served model is and how well it did.
 *
 * @param name model name
 * @param version artifact version (content hash)
 * @param detector {@code autoencoder} or {@code classifier}
 * @param created ISO-8601 creation time
 * @param features input features, in the order array records use
 * @param threshold anomaly threshold
 * @param calibration how the threshold was chosen
 * @param evaluation metrics on the training and validation splits, or {@code null} without labels
 * @param architecture hidden layer widths
 */
public record ModelSummary(String name, String version, String detector, String created, List<String> features,
        double threshold, CalibrationSummary calibration, Evaluation evaluation, List<Integer> architecture) {

    /**
     * @param method {@code f1-validation} or {@code contamination-quantile}
     * @param contamination expected anomaly share, or {@code null}
     */
    public record CalibrationSummary(String method, Double contamination) {}

    /** The summary of {@code manifest}. */
    public static ModelSummary of(ArtifactManifest manifest) {
        return new ModelSummary(manifest.name(), manifest.version(), manifest.detector(), manifest.createdAt(),
                manifest.features(), manifest.threshold(),
                new CalibrationSummary(manifest.calibration().method(), manifest.calibration().contamination()),
                manifest.evaluation(), manifest.architecture());
    }
}
