package io.anomalyscore.training;

import ai.djl.engine.Engine;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Calibration;
import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.MedianImputer;
import io.anomalyscore.model.Metrics;
import io.anomalyscore.model.Preprocessing;
import io.anomalyscore.model.Preprocessor;
import io.anomalyscore.model.Provenance;
import io.anomalyscore.model.Standardizer;
import io.anomalyscore.model.TrainingRange;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.report.ReportFigures;
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
import java.util.Map;

/**
 * One training run, plain Java and the same for every detector: read, split, fit preprocessing,
 * fit the detector, write the artifact, reload it through the serving path, calibrate and
 * evaluate with it, publish.
 */
public final class TrainingPipeline {

    private final ArtifactStores stores;
    private final TrainingProgress progress;
    private final Clock clock;
    private ReportSettings report = ReportSettings.DEFAULT;

    public TrainingPipeline(ArtifactStores stores, TrainingProgress progress, Clock clock) {
        this.stores = stores;
        this.progress = progress;
        this.clock = clock;
    }

    /** Where the run writes its report (default: in the artifact only). */
    public TrainingPipeline optReport(ReportSettings settings) {
        this.report = settings;
        return this;
    }

    /** Runs training; input problems raise {@link TrainingInputException} before anything is published. */
    public TrainingReport run(TrainingOptions options) throws IOException {
        return run(options, null);
    }

    /**
     * Runs training, first searching the detector's settings when {@code tuning} is not {@code
     * null} (on the fit and validation rows only; the best trial's detector is the one published).
     */
    public TrainingReport run(TrainingOptions options, TuningOptions tuning) throws IOException {
        long start = System.nanoTime();
        ArtifactStore output = stores.forLocation(options.output());
        checkWritable(output, options.output());
        TabularData data = read(options);
        PreparedData prepared = PreparedData.of(data, options);
        progress.line(String.format("read %d rows x %d features from %s (%s)", data.size(), data.features().size(),
                data.source(), prepared.mode()));
        Preprocessor preprocessor = fitPreprocessor(prepared.fit(), data.features().size(), options.imputeMedian());
        TrainingSet set = new TrainingSet(preprocessor.transform(prepared.fit()), prepared.fitLabels(),
                preprocessor.transform(prepared.stop()), prepared.stopLabels());
        EpochLog epochs = new EpochLog(progress);
        TabularTuning.Result tuned = tuning == null ? null : TabularTuning.search(options, tuning, set,
                preprocessor.transform(prepared.validation()), prepared.validationLabels(), progress);
        FittedDetector fitted = tuned != null ? tuned.fitted()
                : options.kind().fitter().fit(set, options.fitSettings(), epochs);
        ArtifactManifest draft = draft(options, data, prepared, preprocessor, fitted, tuned);
        return StagedPublication.publish(output, options, report, draft, fitted.components(),
                (draftDir, parts) -> calibrateAndEvaluate(draftDir, draft, prepared, options, epochs), start,
                progress);
    }

    static void checkWritable(ArtifactStore store, String output) {
        try {
            store.checkWritable(output);
        } catch (IOException | StorageException e) {
            throw new TrainingInputException("output " + output + " is not writable: " + e.getMessage(), e);
        }
    }

    private TabularData read(TrainingOptions options) throws IOException {
        CsvDataReader reader = new CsvDataReader(options.labelColumn(), options.features(), options.imputeMedian())
                .excluding(options.exclude(), options.idColumn());
        try (InputStream in = stores.forLocation(options.data()).open(options.data())) {
            return reader.read(new java.io.BufferedInputStream(in), options.data());
        } catch (NoSuchFileException e) {
            throw new TrainingInputException(options.data() + ": file not found", e);
        } catch (StorageException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
    }

    private static Preprocessor fitPreprocessor(double[][] rows, int width, boolean imputeMedian) {
        MedianImputer imputer = imputeMedian ? MedianImputer.fit(rows, width) : null;
        double[][] complete = imputer == null ? rows : Arrays.stream(rows).map(imputer::fill).toArray(double[][]::new);
        return new Preprocessor(Standardizer.fit(complete, width), imputer);
    }

    private ArtifactManifest draft(TrainingOptions o, TabularData data, PreparedData p, Preprocessor preprocessor,
            FittedDetector fitted, TabularTuning.Result tuned) {
        Map<String, String> hyper = new LinkedHashMap<>(o.hyperParameters());
        if (tuned != null) {
            hyper.putAll(tuned.best().hyperParameters());
        }
        Provenance provenance = new Provenance(o.data(), data.sha256(), data.size(), p.training().length,
                p.fit().length, p.validation().length, p.test().length, o.labelColumn(), p.mode(),
                hyper, fitted.epochsRun(), fitted.bestEpoch(),
                Map.of("djl", Engine.getDjlVersion(), "pytorch", Engine.getEngine("PyTorch").getVersion()),
                MachineFacts.describe(), tuned == null ? null : tuned.record());
        Calibration placeholder = new Calibration(0, "none", null, new double[] {0, 0});
        TrainingRange range = TrainingRange.fit(preprocessor.transform(p.training()), data.features().size());
        return new ArtifactManifest(ArtifactManifest.FORMAT_VERSION, o.name(), "",
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), o.detector(), data.features(),
                Preprocessing.of(preprocessor), fitted.config(), 0, placeholder, null, provenance, null)
                .withInputs(o.idColumn(), range);
    }

    /**
     * Reloads the draft artifact through the serving path and derives calibration and metrics from
     * it, and the report's figures when a report is wanted.
     */
    private StagedPublication.Finished calibrateAndEvaluate(Path draftDir, ArtifactManifest draft, PreparedData p,
            TrainingOptions o, EpochLog epochs) {
        try (AnomalyModel model = AnomalyModel.load(draftDir, Long.MAX_VALUE)) {
            double[] fitScores = model.rawScores(p.fit());
            double[] trainingScores = model.rawScores(p.training());
            double[] validationScores = model.rawScores(p.validation());
            Calibration calibration = ThresholdCalibrator.calibrate(fitScores, trainingScores, p.trainingLabels(),
                    validationScores, p.validationLabels(), o.contamination());
            double threshold = calibration.threshold();
            if (p.trainingLabels() == null) {
                return new StagedPublication.Finished(draft.withCalibration(calibration, null), figures(model,
                        epochs, "training", p.training(), trainingScores, null, threshold));
            }
            double[] testScores = model.rawScores(p.test());
            Metrics test = p.test().length == 0 ? null
                    : DetectorEvaluator.evaluate(testScores, p.testLabels(), threshold);
            Metrics validation = validationScores.length == 0 ? null
                    : DetectorEvaluator.evaluate(validationScores, p.validationLabels(), threshold);
            Evaluation evaluation = new Evaluation(
                    DetectorEvaluator.evaluate(trainingScores, p.trainingLabels(), threshold), validation, test);
            String split = evaluation.headlineSplit();
            ReportFigures figures = switch (split) {
                case "test" -> figures(model, epochs, split, p.test(), testScores, p.testLabels(), threshold);
                case "validation" -> figures(model, epochs, split, p.validation(), validationScores,
                        p.validationLabels(), threshold);
                default -> figures(model, epochs, split, p.training(), trainingScores, p.trainingLabels(), threshold);
            };
            return new StagedPublication.Finished(draft.withCalibration(calibration, evaluation), figures);
        }
    }

    /** The report's figures of one split, or {@code null} when no report is wanted. */
    private ReportFigures figures(AnomalyModel model, EpochLog epochs, String split, double[][] rows,
            double[] scores, int[] labels, double threshold) {
        if (!report.wanted()) {
            return null;
        }
        FeatureContributions.Result shares = FeatureContributions.ofRecords(model, rows, scores, threshold);
        return new ReportFigures(epochs.losses(), split, scores, labels, shares.shares(), shares.method(), null);
    }
}
