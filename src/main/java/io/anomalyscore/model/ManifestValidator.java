package io.anomalyscore.model;

/** Checks that a parsed manifest is complete and internally consistent. */
final class ManifestValidator {

    private ManifestValidator() {}

    static void validate(ArtifactManifest m) {
        require(m.name(), "name");
        require(m.version(), "version");
        require(m.createdAt(), "createdAt");
        require(m.detector(), "detector");
        require(m.preprocessing(), "preprocessing");
        require(m.calibration(), "calibration");
        require(m.provenance(), "provenance");
        require(m.files().get(ModelArtifact.WEIGHTS), "files." + ModelArtifact.WEIGHTS);
        if (m.files().size() != 1) {
            throw new ArtifactFormatException("manifest lists unexpected files: " + m.files().keySet());
        }
        try {
            m.detectorType();
            m.schema();
            m.network();
            m.preprocessing().toPreprocessor();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ArtifactFormatException("invalid manifest: " + e.getMessage(), e);
        }
        int n = m.features().size();
        Preprocessing p = m.preprocessing();
        if (p.mean() == null || p.scale() == null || p.mean().length != n || p.scale().length != n
                || (p.medians() != null && p.medians().length != n)) {
            throw new ArtifactFormatException("preprocessing parameters do not match the "
                    + n + " features");
        }
        if (!Double.isFinite(m.threshold()) || m.threshold() != m.calibration().threshold()) {
            throw new ArtifactFormatException("threshold is not finite or disagrees with calibration");
        }
    }

    private static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ArtifactFormatException("manifest is missing field " + field);
        }
    }
}
