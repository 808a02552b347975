package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactManifest;
import java.time.Duration;

/**
 * The outcome of a training run.
 *
 * @param manifest the published artifact's manifest (metrics included)
 * @param location where the version was published
 * @param duration wall time of the whole run
 */
public record TrainingReport(ArtifactManifest manifest, String location, Duration duration) {}
