package io.anomalyscore.model;

import java.util.List;
import java.util.Map;

/**
 * Everything serving needs to know about a trained model, stored as {@code manifest.json}.
 *
 * @param formatVersion artifact format version; readers reject versions they do not know
 * @param name model name chosen at training time
 * @param version content hash of the artifact (manifest without version and time, and weights)
 * @param createdAt ISO-8601 creation time; the only field that differs between identical runs
 * @param detector {@code autoencoder} or {@code classifier}
 * @param features ordered feature names (the model's input order)
 * @param preprocessing imputation and standardisation parameters
 * @param architecture network layer widths
 * @param threshold score threshold; {@code score >= threshold} is anomalous
 * @param calibration training score quantiles and how the threshold was chosen
 * @param evaluation metrics of the reloaded artifact, or {@code null} without labels
 * @param provenance data, settings and library versions
 * @param files sha256 of every other file of the artifact, by file name
 */
public record ArtifactManifest(
        int formatVersion,
        String name,
        String version,
        String createdAt,
        String detector,
        List<String> features,
        Preprocessing preprocessing,
        List<Integer> architecture,
        double threshold,
        Calibration calibration,
        Evaluation evaluation,
        Provenance provenance,
        Map<String, String> files) {

    /** The only format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public ArtifactManifest {
        features = List.copyOf(features);
        architecture = List.copyOf(architecture);
        files = files == null ? Map.of() : new java.util.TreeMap<>(files);
    }

    /** The detector type. */
    public DetectorType detectorType() {
        return DetectorType.of(detector);
    }

    /** The feature schema. */
    public FeatureSchema schema() {
        return new FeatureSchema(features);
    }

    /** The network shape. */
    public Architecture network() {
        return new Architecture(detectorType(), features.size(), architecture);
    }

    /** A copy with other calibration, threshold and evaluation (they do not change the network). */
    public ArtifactManifest withCalibration(Calibration c, Evaluation e) {
        return new ArtifactManifest(formatVersion, name, version, createdAt, detector, features,
                preprocessing, architecture, c.threshold(), c, e, provenance, files);
    }

    /** A copy with another identity. */
    public ArtifactManifest withIdentity(String newVersion, String newCreatedAt, Map<String, String> newFiles) {
        return new ArtifactManifest(formatVersion, name, newVersion, newCreatedAt, detector, features,
                preprocessing, architecture, threshold, calibration, evaluation, provenance, newFiles);
    }
}
