package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.storage.ArtifactStore;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps every training run ends with: write the draft artifact into a staging folder, let the
 * run derive calibration and metrics from it (reloaded through the serving path), write and verify
 * the final artifact, publish it — promoting it unless {@code --no-promote}. The staging folder
 * never outlives the call, so a failed run leaves nothing half-written.
 */
final class StagedPublication {

    /** Derives the final manifest from the draft artifact in {@code draftDir}; may add components. */
    interface Finisher {
        ArtifactManifest finish(Path draftDir, List<FittedDetector.Part> components) throws IOException;
    }

    private StagedPublication() {}

    static TrainingReport publish(ArtifactStore output, TrainingOptions options, ArtifactManifest draft,
            List<FittedDetector.Part> components, Finisher finisher, long startNanos) throws IOException {
        Path staging = Files.createTempDirectory("anomaly-train-");
        try {
            Path draftDir = staging.resolve("draft");
            ModelArtifact.write(draftDir, draft, components);
            List<FittedDetector.Part> parts = new ArrayList<>(components);
            ArtifactManifest manifest = finisher.finish(draftDir, parts);
            Path finalDir = staging.resolve("final");
            manifest = ModelArtifact.write(finalDir, manifest, parts);
            ModelArtifact.read(finalDir, Long.MAX_VALUE);
            String location = output.publish(finalDir, manifest.version(), options.output(), options.promote());
            return new TrainingReport(manifest, location, Duration.ofNanos(System.nanoTime() - startNanos));
        } finally {
            Folders.deleteQuietly(staging);
        }
    }
}
