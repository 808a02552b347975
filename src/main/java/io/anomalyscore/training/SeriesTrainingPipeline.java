package io.anomalyscore.training;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Calibration;
import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.Preprocessing;
import io.anomalyscore.model.Preprocessor;
import io.anomalyscore.model.Provenance;
import io.anomalyscore.model.SeriesWindows;
import io.anomalyscore.model.Standardizer;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.model.detector.sequence.WindowConfig;
import io.anomalyscore.report.ReportFigures;
import io.anomalyscore.report.SeriesTrace;
import io.anomalyscore.storage.ArtifactStore;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.StorageException;
import io.anomalyscore.tuning.TuningOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run of a window detector on a series: read (time order checked), split by time,
 * fit the per-channel z-score on the training rows only, cut windows, fit, write the artifact,
 * reload it and score the whole series through the serving path, threshold, evaluate, publish.
 */
public final class SeriesTrainingPipeline {

    /** Share of the training windows that stop early when there is no validation segment. */
    static final double HOLD_OUT = 0.1;

    private final ArtifactStores stores;
    private final TrainingProgress progress;
    private final Clock clock;
    private ReportSettings report = ReportSettings.DEFAULT;

    public SeriesTrainingPipeline(ArtifactStores stores, TrainingProgress progress, Clock clock) {
        this.stores = stores;
        this.progress = progress;
        this.clock = clock;
    }

    /** Where the run writes its report (default: in the artifact only). */
    public SeriesTrainingPipeline optReport(ReportSettings settings) {
        this.report = settings;
        return this;
    }

    /** Runs training; input problems raise {@link TrainingInputException} before anything is published. */
    public TrainingReport run(TrainingOptions options, SeriesOptions series) throws IOException {
        return run(options, series, null);
    }

    /**
     * Runs training, first searching window length and settings when {@code tuning} is not {@code
     * null} (on the training and validation segments only; the best trial's detector is published).
     */
    public TrainingReport run(TrainingOptions options, SeriesOptions requested, TuningOptions tuning)
            throws IOException {
        SeriesOptions series = requested;
        if (series.selectWidth() && (tuning != null || !options.hidden().isEmpty())) {
            throw new TrainingInputException("--select-width chooses the widths itself: not with --hidden or --tune");
        }
        if (series.keepLast() && tuning != null) {
            throw new TrainingInputException("--keep-weights last is not available with --tune");
        }
        long start = System.nanoTime();
        ArtifactStore output = stores.forLocation(options.output());
        TrainingPipeline.checkWritable(output, options.output());
        SeriesData data = read(options, series);
        SeriesSplit split = SeriesSplit.of(data.size(), series, options.validationFraction(), options.testFraction());
        progress.line(String.format("read %d steps x %d channels from %s; training rows [0, %d), validation [%d, %d),"
                + " test [%d, %d)", data.size(), data.table().features().size(), data.table().source(),
                split.trainEnd(), split.trainEnd(), split.validationEnd(), split.validationEnd(), split.rows()));
        double[][] rows = data.table().rows();
        int width = data.table().features().size();
        Preprocessor preprocessor = new Preprocessor(
                Standardizer.fit(Arrays.copyOfRange(rows, 0, split.trainEnd()), width), null);
        float[][] scaled = preprocessor.transform(rows);
        EpochLog epochs = new EpochLog(progress);
        FittedDetector fitted;
        int fitWindows;
        SeriesTuning.Result tuned = null;
        if (tuning == null) {
            Windows windows = Windows.of(scaled, split, InputShape.window(series.window(), width), series.stride());
            TrainingSet set = new TrainingSet(windows.fit(), null, windows.stop(), null,
                    InputShape.window(series.window(), width), series.stride());
            if (series.selectWidth()) {
                WidthSelection.Result selected = WidthSelection.choose(options.kind(), set,
                        options.fitSettings().keepingLast(series.keepLast()), progress);
                fitted = selected.fitted();
                epochs = selected.epochs();
            } else {
                fitted = options.kind().fitter().fit(set, options.fitSettings().keepingLast(series.keepLast()), epochs);
            }
            fitWindows = windows.fit().length;
        } else {
            tuned = SeriesTuning.search(options, series, tuning, scaled, split, progress);
            fitted = tuned.fitted();
            fitWindows = tuned.fitWindows();
            series = series.withWindow(tuned.best().window());
        }
        fitted = withScoring(fitted, series);
        ArtifactManifest draft = draft(options, series, data, split, fitWindows, preprocessor, fitted, tuned);
        SeriesOptions chosen = series;
        EpochLog curve = epochs;
        return StagedPublication.publish(output, options, report, draft, fitted.components(),
                (draftDir, parts) -> calibrate(draftDir, draft, data, split, options, chosen, parts, curve), start,
                progress);
    }

    /** The fitted detector with the run's error measure and alert rule in its stored config. */
    private static FittedDetector withScoring(FittedDetector fitted, SeriesOptions series) {
        JsonNode config = WindowConfig.of(fitted.config()).with(series.error(), series.alert()).toJson();
        return new FittedDetector(config, fitted.components(), fitted.epochsRun(), fitted.bestEpoch());
    }

    /**
     * Reloads the draft through the serving path, scores the whole series with it, and derives the
     * threshold, calibration and metrics; adds the labelled series' report to {@code components}.
     */
    private StagedPublication.Finished calibrate(Path draftDir, ArtifactManifest draft, SeriesData data,
            SeriesSplit split, TrainingOptions options, SeriesOptions series, List<FittedDetector.Part> components,
            EpochLog epochs) {
        int[] labels = data.table().labels();
        try (AnomalyModel model = AnomalyModel.load(draftDir, Long.MAX_VALUE)) {
            double[] windowScores = model.rawSeriesScores(data.table().rows());
            SeriesScores scores = SeriesScores.of(windowScores, series.window(), split, labels);
            Calibration calibration = SeriesThreshold.choose(scores, series, options.contamination());
            Map<String, Object> seriesMetrics = SeriesEvaluation.of(windowScores, series.window(), split, labels,
                    calibration.threshold(), series.alert());
            if (seriesMetrics != null) {
                progress.line(SeriesEvaluation.line(seriesMetrics));
                components.add(new FittedDetector.Part(SeriesEvaluation.FILE, "report",
                        SeriesEvaluation.json(seriesMetrics)));
            }
            Evaluation evaluation = scores.evaluation(calibration.threshold());
            ReportFigures figures = report.wanted()
                    ? figures(model, data, split, series.window(), windowScores, scores, evaluation, epochs,
                            calibration.threshold())
                    : null;
            return new StagedPublication.Finished(draft.withCalibration(calibration, evaluation), figures);
        }
    }

    /** The report's figures: the headline segment's step scores, the whole series' trace, the shares. */
    private static ReportFigures figures(AnomalyModel model, SeriesData data, SeriesSplit split, int window,
            double[] windowScores, SeriesScores scores, Evaluation evaluation, EpochLog epochs, double threshold) {
        String segment = evaluation == null ? "training" : evaluation.headlineSplit();
        double[] segmentScores = switch (segment) {
            case "test" -> scores.test();
            case "validation" -> scores.validation();
            default -> scores.training();
        };
        int[] segmentLabels = switch (segment) {
            case "test" -> scores.testLabels();
            case "validation" -> scores.validationLabels();
            default -> scores.trainingLabels();
        };
        FeatureContributions.Result shares = FeatureContributions.ofSeries(model, data.table().rows(), threshold);
        SeriesTrace trace = new SeriesTrace(window - 1, windowScores, data.table().labels(), split.trainEnd(),
                split.validationEnd());
        return new ReportFigures(epochs.losses(), segment, segmentScores, segmentLabels, shares.shares(),
                shares.method(), trace);
    }

    /** The windows a detector fits on and those that stop its training early. */
    record Windows(float[][] fit, float[][] stop) {

        static Windows of(float[][] scaled, SeriesSplit split, InputShape shape, int stride) {
            float[][] fit = SeriesWindows.starting(Arrays.copyOfRange(scaled, 0, split.trainEnd()), shape, 0, stride);
            float[][] stop = stopWindows(scaled, split, shape, stride);
            if (stop.length > 0) {
                return new Windows(fit, stop);
            }
            // no validation segment: the last tenth of the training windows stops early (as Keras'
            // validation_split, which SKAB's autoencoders use, takes the last samples)
            int keep = Math.max(1, (int) Math.ceil(fit.length * (1 - HOLD_OUT)));
            return new Windows(Arrays.copyOfRange(fit, 0, keep), Arrays.copyOfRange(fit, keep, fit.length));
        }
    }

    /** Windows ending in the validation segment, for early stopping; none without one. */
    private static float[][] stopWindows(float[][] scaled, SeriesSplit split, InputShape shape, int stride) {
        if (split.validationRows() == 0) {
            return new float[0][];
        }
        int from = Math.max(0, split.trainEnd() - shape.length() + 1);
        return SeriesWindows.starting(Arrays.copyOfRange(scaled, from, split.validationEnd()), shape, 0, stride);
    }

    private SeriesData read(TrainingOptions options, SeriesOptions series) throws IOException {
        SeriesReader reader = new SeriesReader(options.labelColumn(), options.features(), series.timeColumn(),
                series.maxGapSeconds());
        try (InputStream in = stores.forLocation(options.data()).open(options.data())) {
            return reader.read(in, options.data());
        } catch (NoSuchFileException e) {
            throw new TrainingInputException(options.data() + ": file not found", e);
        } catch (StorageException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
    }

    private ArtifactManifest draft(TrainingOptions o, SeriesOptions s, SeriesData data, SeriesSplit split,
            int fitWindows, Preprocessor preprocessor, FittedDetector fitted, SeriesTuning.Result tuned) {
        Map<String, String> hyper = new LinkedHashMap<>(o.hyperParameters());
        hyper.putAll(s.hyperParameters());
        if (tuned != null) {
            hyper.putAll(tuned.best().hyperParameters());
        }
        Provenance provenance = new Provenance(o.data(), data.table().sha256(), data.size(), split.trainEnd(),
                fitWindows, split.validationRows(), split.testRows(), o.labelColumn(), "unsupervised", hyper,
                fitted.epochsRun(), fitted.bestEpoch(),
                Map.of("djl", Engine.getDjlVersion(), "pytorch", Engine.getEngine("PyTorch").getVersion()),
                MachineFacts.describe(), tuned == null ? null : tuned.record());
        Calibration placeholder = new Calibration(0, "none", null, new double[] {0, 0});
        return new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, o.name(), "",
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), o.detector(),
                data.table().features(), Preprocessing.of(preprocessor), fitted.config(), 0, placeholder, null,
                provenance, null);
    }
}
