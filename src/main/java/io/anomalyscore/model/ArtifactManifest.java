package io.anomalyscore.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything serving needs to know about a trained model, stored as {@code manifest.json}.
 *
 * @param formatVersion artifact format version: 2 as written now, 1 for artifacts written before
 *     detectors had components (read and upgraded in memory)
 * @param name model name chosen at training time
 * @param version content hash: the first 16 hex digits of the sha256 of this manifest with {@code
 *     version} and {@code createdAt} blanked, which covers every component through its sha256
 * @param createdAt ISO-8601 creation time; the only field that differs between identical runs
 * @param detector the detector kind's registered name
 * @param features ordered feature names (the model's input order)
 * @param preprocessing imputation and standardisation parameters
 * @param detectorConfig the detector's own settings (e.g. layer widths), as JSON
 * @param threshold score threshold; {@code score >= threshold} is anomalous
 * @param calibration training score quantiles and how the threshold was chosen
 * @param evaluation metrics of the reloaded artifact, or {@code null} without labels
 * @param provenance data, settings and library versions
 * @param components every other file of the artifact, with role and sha256
 * @param idColumn the training CSV's id column (never a feature; scoring echoes it), or {@code null}
 *     (absent from the JSON) when there was none; absent in artifacts written before it existed
 * @param trainingRange the out-of-distribution bounds, or {@code null} in artifacts written before
 *     they existed ({@link TrainingRange#legacy} then applies)
 */
public record ArtifactManifest(
        int formatVersion,
        String name,
        String version,
        String createdAt,
        String detector,
        List<String> features,
        Preprocessing preprocessing,
        JsonNode detectorConfig,
        double threshold,
        Calibration calibration,
        Evaluation evaluation,
        Provenance provenance,
        List<Component> components,
        @JsonInclude(JsonInclude.Include.NON_NULL) String idColumn,
        @JsonInclude(JsonInclude.Include.NON_NULL) TrainingRange trainingRange) {

    /** Fields added to format 2 after its first release; manifests written before lack them. */
    static final List<String> OPTIONAL_FIELDS = List.of("idColumn", "trainingRange");

    /** The format version this build writes. */
    public static final int FORMAT_VERSION = 2;
    /** The format versions this build reads. */
    public static final List<Integer> READABLE = List.of(1, 2);

    public ArtifactManifest {
        features = List.copyOf(features);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** A manifest without id column and training range (as written before they existed). */
    public ArtifactManifest(int formatVersion, String name, String version, String createdAt, String detector,
            List<String> features, Preprocessing preprocessing, JsonNode detectorConfig, double threshold,
            Calibration calibration, Evaluation evaluation, Provenance provenance, List<Component> components) {
        this(formatVersion, name, version, createdAt, detector, features, preprocessing, detectorConfig, threshold,
                calibration, evaluation, provenance, components, null, null);
    }

    /** A copy with an id column and training range. */
    public ArtifactManifest withInputs(String newIdColumn, TrainingRange newTrainingRange) {
        return new ArtifactManifest(formatVersion, name, version, createdAt, detector, features,
                preprocessing, detectorConfig, threshold, calibration, evaluation, provenance, components,
                newIdColumn, newTrainingRange);
    }

    /** The feature schema. */
    public FeatureSchema schema() {
        return new FeatureSchema(features);
    }

    /** The component stored as {@code file}, if any. */
    public java.util.Optional<Component> component(String file) {
        return components.stream().filter(c -> c.file().equals(file)).findFirst();
    }

    /** A copy with other calibration, threshold and evaluation (they do not change the detector). */
    public ArtifactManifest withCalibration(Calibration c, Evaluation e) {
        return new ArtifactManifest(formatVersion, name, version, createdAt, detector, features,
                preprocessing, detectorConfig, c.threshold(), c, e, provenance, components, idColumn, trainingRange);
    }

    /** A copy with another identity. */
    public ArtifactManifest withIdentity(String newVersion, String newCreatedAt, List<Component> newComponents) {
        return new ArtifactManifest(formatVersion, name, newVersion, newCreatedAt, detector, features,
                preprocessing, detectorConfig, threshold, calibration, evaluation, provenance, newComponents, idColumn,
                trainingRange);
    }
}
