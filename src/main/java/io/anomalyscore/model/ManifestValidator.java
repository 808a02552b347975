package io.anomalyscore.model;

import io.anomalyscore.model.detector.DetectorRegistry;
import java.util.HashSet;
import java.util.Set;

/** Checks that a parsed manifest is complete and internally consistent. */
final class ManifestValidator {

    private ManifestValidator() {}

    static void validate(ArtifactManifest m) {
        require(m.name(), "name");
        require(m.version(), "version");
        require(m.createdAt(), "createdAt");
        require(m.detector(), "detector");
        require(m.preprocessing(), "preprocessing");
        require(m.detectorConfig(), "detectorConfig");
        require(m.calibration(), "calibration");
        require(m.provenance(), "provenance");
        checkComponents(m);
        try {
            DetectorRegistry.get(m.detector());
            m.schema();
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
        if (m.trainingRange() != null && m.trainingRange().width() != n) {
            throw new ArtifactFormatException("trainingRange has " + m.trainingRange().width()
                    + " bounds for " + n + " features");
        }
        if (m.idColumn() != null && (m.idColumn().isBlank() || m.features().contains(m.idColumn()))) {
            throw new ArtifactFormatException("idColumn must be a non-empty name that is not a feature");
        }
        if (!Double.isFinite(m.threshold()) || m.threshold() != m.calibration().threshold()) {
            throw new ArtifactFormatException("threshold is not finite or disagrees with calibration");
        }
    }

    private static void checkComponents(ArtifactManifest m) {
        if (m.components().isEmpty()) {
            throw new ArtifactFormatException("manifest lists no components");
        }
        Set<String> files = new HashSet<>();
        for (Component c : m.components()) {
            require(c, "components[]");
            require(c.file(), "components[].file");
            if (!files.add(c.file())) {
                throw new ArtifactFormatException("manifest lists component " + c.file() + " twice");
            }
            if (!Component.ROLES.contains(c.role())) {
                throw new ArtifactFormatException("component " + c.file() + " has unknown role " + c.role()
                        + " (expected one of " + new java.util.TreeSet<>(Component.ROLES) + ")");
            }
            if (c.sha256() == null || !c.sha256().matches("[0-9a-f]{64}")) {
                throw new ArtifactFormatException("component " + c.file() + " has no valid sha256");
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof com.fasterxml.jackson.databind.JsonNode j && (j.isNull() || j.isMissingNode()))) {
            throw new ArtifactFormatException("manifest is missing field " + field);
        }
    }
}
