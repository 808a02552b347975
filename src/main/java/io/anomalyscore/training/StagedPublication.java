package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.report.ReportFigures;
import io.anomalyscore.report.ReportPage;
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
 * run derive calibration and metrics from it (reloaded through the serving path), render the
 * report, write and verify the final artifact, publish it — promoting it unless {@code
 * --no-promote} — and copy the report where {@code --report} asks. The staging folder never
 * outlives the call, so a failed run leaves nothing half-written.
 */
final class StagedPublication {

    /** Derives the final manifest from the draft artifact in {@code draftDir}; may add components. */
    interface Finisher {
        Finished finish(Path draftDir, List<FittedDetector.Part> components) throws IOException;
    }

    /**
     * What a finisher derived.
     *
     * @param manifest the final manifest (calibration and metrics in), components not yet listed
     * @param figures what the report draws, or {@code null} when no report is wanted
     */
    record Finished(ArtifactManifest manifest, ReportFigures figures) {}

    private StagedPublication() {}

    static TrainingReport publish(ArtifactStore output, TrainingOptions options, ReportSettings report,
            ArtifactManifest draft, List<FittedDetector.Part> components, Finisher finisher, long startNanos,
            TrainingProgress progress) throws IOException {
        Path staging = Files.createTempDirectory("anomaly-train-");
        try {
            Path draftDir = staging.resolve("draft");
            ModelArtifact.write(draftDir, draft, components);
            List<FittedDetector.Part> parts = new ArrayList<>(components);
            Finished finished = finisher.finish(draftDir, parts);
            byte[] html = null;
            if (report.wanted() && finished.figures() != null) {
                long start = System.nanoTime();
                html = ReportPage.render(finished.manifest(), finished.figures());
                progress.line(String.format("report rendered: %d KB in %.2f s", html.length / 1024,
                        (System.nanoTime() - start) / 1e9));
                if (report.inArtifact()) {
                    parts.add(new FittedDetector.Part(ReportPage.FILE, "report", html));
                }
            }
            Path finalDir = staging.resolve("final");
            ArtifactManifest manifest = ModelArtifact.write(finalDir, finished.manifest(), parts);
            ModelArtifact.read(finalDir, Long.MAX_VALUE);
            String location = output.publish(finalDir, manifest.version(), options.output(), options.promote());
            if (html != null && report.copy() != null) {
                writeCopy(report.copy(), html);
                progress.line("report copied to " + report.copy());
            }
            return new TrainingReport(manifest, location, Duration.ofNanos(System.nanoTime() - startNanos));
        } finally {
            Folders.deleteQuietly(staging);
        }
    }

    /** Writes {@code html} to {@code file} through a sibling temporary file, so a reader never sees half. */
    private static void writeCopy(Path file, byte[] html) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".report-", ".tmp");
        try {
            Files.write(temporary, html);
            Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
