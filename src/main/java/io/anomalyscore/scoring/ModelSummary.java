package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.AnomalyModel;
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
 * @param evaluation metrics on the training, validation and test splits, or {@code null} without labels
 * @param detectorConfig the detector's own settings (e.g. {@code {"hidden": [64, 32, 64]}})
 * @param explains whether {@code explain} returns per-feature contributions for this detector
 * @param formatVersion the artifact format the model was stored in
 * @param idColumn the id column record objects may carry (echoed as {@code id}), or {@code null}
 *     (absent) when the model has none
 * @param input {@code record} (send {@code records}) or {@code window} (send a {@code series})
 * @param window steps per window of a window detector, else {@code null}
 */
public record ModelSummary(String name, String version, String detector, String created, List<String> features,
        double threshold, CalibrationSummary calibration, Evaluation evaluation, JsonNode detectorConfig,
        boolean explains, int formatVersion,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String idColumn, String input, Integer window) {

    /**
     * @param method {@code f1-validation} or {@code contamination-quantile}
     * @param contamination expected anomaly share, or {@code null}
     */
    public record CalibrationSummary(String method, Double contamination) {}

    /** The summary of {@code model}. */
    public static ModelSummary of(AnomalyModel model) {
        ArtifactManifest manifest = model.manifest();
        return new ModelSummary(manifest.name(), manifest.version(), manifest.detector(), manifest.createdAt(),
                manifest.features(), manifest.threshold(),
                new CalibrationSummary(manifest.calibration().method(), manifest.calibration().contamination()),
                manifest.evaluation(), manifest.detectorConfig(), model.explains(), manifest.formatVersion(),
                manifest.idColumn(), model.sequential() ? "window" : "record",
                model.sequential() ? model.input().length() : null);
    }
}
