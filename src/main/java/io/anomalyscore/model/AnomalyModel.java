package io.anomalyscore.model;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.DetectorRegistry;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.StoredDetector;
import java.nio.file.Path;

/**
 * A loaded, verified model that scores raw records: preprocessing, then the detector, then
 * calibration; safe to share between threads.
 *
 * <p>Loading is {@link ModelArtifact#read} (every byte verified) followed by the registered
 * {@link DetectorKind} rebuilding the detector from its stored components; scoring knows no
 * detector kind.
 */
public final class AnomalyModel implements AutoCloseable {

    private final ArtifactManifest manifest;
    private final Preprocessor preprocessor;
    private final Calibration calibration;
    private final Detector detector;

    private AnomalyModel(ArtifactManifest manifest, Detector detector) {
        this.manifest = manifest;
        this.preprocessor = manifest.preprocessing().toPreprocessor();
        this.calibration = manifest.calibration();
        this.detector = detector;
    }

    /** Reads, verifies and loads the artifact folder {@code dir}. */
    public static AnomalyModel load(Path dir, long maxBytes) {
        return load(ModelArtifact.read(dir, maxBytes));
    }

    /** Loads verified artifact contents; fails if the components do not fit the manifest's detector. */
    public static AnomalyModel load(ModelArtifact.Contents contents) {
        ArtifactManifest manifest = contents.manifest();
        DetectorKind kind = DetectorRegistry.get(manifest.detector());
        InputShape input;
        Detector detector;
        try {
            input = kind.input(manifest.detectorConfig(), manifest.features().size());
            detector = kind.load(new StoredDetector(manifest.name(), input, manifest.detectorConfig(),
                    contents.components()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ArtifactFormatException("the components do not fit the manifest's " + manifest.detector()
                    + " on " + manifest.features().size() + " features: " + e.getMessage(), e);
        }
        if (!detector.input().equals(input)) {
            detector.close();
            throw new ArtifactFormatException("the " + manifest.detector() + " detector takes " + detector.input()
                    + ", the preprocessing gives " + input);
        }
        return new AnomalyModel(manifest, detector);
    }

    /** The manifest this model was loaded from. */
    public ArtifactManifest manifest() {
        return manifest;
    }

    /** The preprocessing this model applies to raw records. */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /** What one input of the detector is: a record, or a window of a series. */
    public InputShape input() {
        return detector.input();
    }

    /** Whether the model scores windows of a series rather than single records. */
    public boolean sequential() {
        return detector.input().kind() == InputShape.Kind.WINDOW;
    }

    /** Whether {@link #score} can explain a score per feature. */
    public boolean explains() {
        return detector.attributes();
    }

    /**
     * Scores raw records given in feature order (NaN = missing, imputed or rejected).
     *
     * @param explain whether to return per-feature attributions (when the detector has them)
     */
    public RecordScore[] score(double[][] raw, boolean explain) {
        requireKind(InputShape.Kind.RECORD);
        float[][] input = preprocessor.transform(raw);
        Detector.Scored scored = detector.score(input, explain && detector.attributes());
        RecordScore[] scores = new RecordScore[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double score = scored.scores()[i];
            scores[i] = new RecordScore(score, calibration.percentile(score), calibration.anomalous(score),
                    scored.attributions() == null ? null : scored.attributions()[i]);
        }
        return scores;
    }

    /** Raw scores only, for evaluation and calibration. */
    public double[] rawScores(double[][] raw) {
        requireKind(InputShape.Kind.RECORD);
        return detector.score(preprocessor.transform(raw), false).scores();
    }

    /**
     * Scores a series given oldest first, one row of channel values per step: one result per step
     * that ends a full window ({@code index} = that step's 0-based position in {@code rows}); the
     * {@code anomaly} flags follow the model's stored alert rule ({@link SeriesAlerts}) over the
     * steps of this request.
     *
     * @throws IllegalArgumentException if the series is shorter than the window or a value cannot
     *     be preprocessed
     */
    public StepScore[] scoreSeries(double[][] rows, boolean explain) {
        requireKind(InputShape.Kind.WINDOW);
        Detector.Scored scored = detector.score(SeriesWindows.ending(preprocessor.transform(rows), input()),
                explain && detector.attributes());
        int first = input().length() - 1;
        boolean[] flags = SeriesAlerts.flags(scored.scores(), calibration.threshold(), alertRule(), input().length());
        StepScore[] scores = new StepScore[scored.scores().length];
        for (int i = 0; i < scores.length; i++) {
            double score = scored.scores()[i];
            scores[i] = new StepScore(first + i, new RecordScore(score, calibration.percentile(score),
                    flags[i], scored.attributions() == null ? null : scored.attributions()[i]));
        }
        return scores;
    }

    /**
     * The series model's alert rule: its detector config's {@code alert}, {@link
     * SeriesAlerts#WINDOW} when absent (artifacts written before the option).
     */
    public String alertRule() {
        var config = manifest.detectorConfig();
        var alert = config == null ? null : config.get("alert");
        return alert == null ? SeriesAlerts.WINDOW : alert.asText();
    }

    /** Raw scores of the windows ending at each step from {@code window - 1} on, for evaluation. */
    public double[] rawSeriesScores(double[][] rows) {
        requireKind(InputShape.Kind.WINDOW);
        return detector.score(SeriesWindows.ending(preprocessor.transform(rows), input()), false).scores();
    }

    private void requireKind(InputShape.Kind kind) {
        if (input().kind() != kind) {
            throw new IllegalStateException("the " + manifest.detector() + " model takes " + input().kind()
                    + " inputs, not " + kind);
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
