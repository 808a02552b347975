package io.anomalyscore.training;

import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.DetectorRegistry;
import io.anomalyscore.model.detector.autoencoder.AutoencoderKind;
import io.anomalyscore.model.detector.isolation.DeepIsolationForestKind;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.S3Clients;
import io.anomalyscore.storage.S3Settings;
import io.anomalyscore.tuning.SearchSpaces;
import io.anomalyscore.tuning.TuningBudget;
import io.anomalyscore.tuning.TuningOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The training command: options in, artifact out. Exit codes: 0 success, 2 usage or input error
 * (nothing written), 1 any other failure.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains an anomaly detector on a CSV and publishes a versioned, checksummed artifact.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage or input error (nothing was written)", "1:other failure"})
public final class TrainCommand implements Callable<Integer> {

    /** The detector trained without {@code --label} when {@code --detector} is not given. */
    static final String UNLABELLED_DEFAULT = DeepIsolationForestKind.NAME;
    /** The detector trained with {@code --label} when {@code --detector} is not given. */
    static final String LABELLED_DEFAULT = AutoencoderKind.NAME;

    @Option(names = {"-d", "--data"}, paramLabel = "CSV",
            description = "Training CSV with a header: a local path or s3://bucket/key.")
    String data;

    @Option(names = {"-o", "--output"}, paramLabel = "DEST",
            description = "Model repository: a local folder or s3://bucket/prefix. The artifact goes to DEST/<version>/, then DEST/LATEST is updated.")
    String output;

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column (0 = normal, 1 = anomaly).")
    String label;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Feature columns to use, comma-separated (default: every non-label column).")
    List<String> features = List.of();

    @Option(names = "--exclude", split = ",", paramLabel = "NAME",
            description = "Columns that are never features, comma-separated (e.g. free text or dates).")
    List<String> exclude = List.of();

    @Option(names = "--id", paramLabel = "COLUMN",
            description = "Id column: never a feature; scoring echoes it as \"id\" for records sent as objects.")
    String id;

    @Option(names = "--no-promote", negatable = false,
            description = "Publish DEST/<version>/ but leave DEST/LATEST as it is (see the models command).")
    boolean noPromote;

    @Option(names = "--detector", completionCandidates = DetectorNames.class,
            description = "Detector to train; one of: ${COMPLETION-CANDIDATES}. Default: " + UNLABELLED_DEFAULT
                    + " without --label (it beats the autoencoder on unlabelled data), " + LABELLED_DEFAULT
                    + " with --label (it then fits the normal rows). See --list-detectors.")
    String detector;

    @Option(names = "--list-detectors", description = "List the detectors with a line each, then exit.")
    boolean listDetectors;

    @Option(names = "--unsupervised",
            description = "Unsupervised detectors: train on all rows (anomalies included) even when labels are given.")
    boolean unsupervised;

    @Option(names = "--impute", defaultValue = "none",
            description = "Empty cells: none (reject, default) or median (training median).")
    String impute;

    @Option(names = "--validation-fraction", defaultValue = "0.2",
            description = "Share of rows held out for early stopping and the F1 threshold, stratified when labelled"
                    + " (default ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "Share of labelled rows held out for the reported metrics; they choose nothing"
                    + " (default ${DEFAULT-VALUE}; ignored without --label).")
    double testFraction;

    @Option(names = "--epochs", defaultValue = "200", description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "15",
            description = "Stop after this many epochs without validation improvement (default ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch-size", defaultValue = "64", description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--contamination", defaultValue = "0.01",
            description = "Expected anomaly share; threshold = (1 - contamination) training quantile when there are no labels (default ${DEFAULT-VALUE}).")
    double contamination;

    @Option(names = "--hidden", split = ",", paramLabel = "WIDTH",
            description = "Hidden layer widths of the network detectors, e.g. 32,8,32 (default: the detector's own).")
    List<Integer> hidden = List.of();

    @Option(names = "--window", paramLabel = "STEPS",
            description = "Window detectors: steps per window; the score of step t is the reconstruction error of the"
                    + " window ending at t (default 64).")
    Integer window;

    @Option(names = "--stride", defaultValue = "1",
            description = "Window detectors: steps between consecutive training windows (default ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--time", paramLabel = "COLUMN",
            description = "Window detectors: timestamp column (seconds, ISO-8601 or yyyy-MM-dd HH:mm:ss), checked"
                    + " strictly increasing; not a channel.")
    String time;

    @Option(names = "--max-gap", paramLabel = "SECONDS",
            description = "Window detectors, with --time: reject a step longer than this.")
    Double maxGap;

    @Option(names = "--train-rows", paramLabel = "N",
            description = "Window detectors: the first N rows are the training segment (validation and test follow).")
    Integer trainRows;

    @Option(names = "--train-fraction", paramLabel = "SHARE",
            description = "Window detectors: share of rows in the training segment (default 1 - validation - test).")
    Double trainFraction;

    @Option(names = "--threshold", defaultValue = "auto",
            description = "Window detectors: auto (f1 with a labelled validation anomaly, else contamination),"
                    + " contamination, f1 or quantile-factor (default ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--threshold-quantile", defaultValue = "0.99",
            description = "quantile-factor: the training-score quantile (default ${DEFAULT-VALUE}).")
    double thresholdQuantile;

    @Option(names = "--threshold-factor", defaultValue = "1.3333333333333333",
            description = "quantile-factor: the factor (default 4/3).")
    double thresholdFactor;

    @Option(names = "--window-error", defaultValue = "squared",
            description = "Window detectors: a window's score, its mean squared or mean absolute reconstruction error"
                    + " over steps and channels: squared or absolute (default ${DEFAULT-VALUE}).")
    String windowError;

    @Option(names = "--alert", defaultValue = "window",
            description = "Window detectors: which steps the served anomaly flag marks: window (the window ending at"
                    + " the step is at or above the threshold), covering (SKAB's rule: every window covering the step"
                    + " but the one starting at it is; looks ahead window - 2 steps) or crossing (the first step of"
                    + " each run above the threshold) or likelihood (Numenta HTM's anomaly likelihood of the scores;"
                    + " the threshold is not used) (default ${DEFAULT-VALUE}).")
    String alert;

    @Option(names = "--select-width",
            description = "Window detectors: fit at 1, 2 and 4 times the default widths and keep the fit with the"
                    + " lowest mean squared error on the early-stopping windows (never the test segment).")
    boolean selectWidth;

    @Option(names = "--keep-weights", defaultValue = "best",
            description = "Window detectors: the weights published after early stopping: best (the epoch with the"
                    + " lowest early-stopping loss) or last (the last epoch run, as Keras' EarlyStopping keeps them)"
                    + " (default ${DEFAULT-VALUE}).")
    String keepWeights;

    @Option(names = "--tune", description = "Search the detector's settings before training (seeded random search"
            + " ranked on the validation split; the test split is never seen). See --trials, --tune-time, --tune-metric.")
    boolean tune;

    @Option(names = "--trials", paramLabel = "N",
            description = "--tune: the most trials (default " + TuningBudget.DEFAULT_TRIALS + " without --tune-time).")
    Integer trials;

    @Option(names = "--tune-time", paramLabel = "DURATION",
            description = "--tune: the most wall-clock time for the search, e.g. 90s, 15m, 2h (a trial under way finishes).")
    String tuneTime;

    @Option(names = "--tune-metric", defaultValue = "pr-auc",
            description = "--tune with --label: pr-auc or roc-auc on the validation split (default ${DEFAULT-VALUE});"
                    + " without labels the validation reconstruction loss, a proxy.")
    String tuneMetric;

    @Option(names = "--name", description = "Model name (default: the CSV file name without extension).")
    String name;

    @Option(names = "--threads", defaultValue = "1",
            description = "PyTorch intra-op threads (default ${DEFAULT-VALUE}: for these small networks one thread is"
                    + " fastest and makes training bit-reproducible; 0 = one per core).")
    int threads;

    @Option(names = "--report", paramLabel = "PATH",
            description = "Also write the run's report.html to this local file (with --no-report: only there).")
    java.nio.file.Path reportCopy;

    @Option(names = "--no-report", negatable = false,
            description = "Leave report.html out of the artifact (charts of the run: see docs/REFERENCE.md).")
    boolean noReport;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary, not per-epoch progress.")
    boolean quiet;

    private final PrintStream out;
    private final Clock clock;

    TrainCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command with the given streams and returns its exit code. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new TrainCommand(out, Clock.systemUTC()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean input = e instanceof TrainingInputException;
            err.println("error: " + (input ? e.getMessage() : e));
            if (!input) {
                e.printStackTrace(err);
            }
            return input ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (listDetectors) {
            for (DetectorKind kind : DetectorRegistry.all()) {
                out.printf("%-24s %s%n", kind.name(), kind.description());
            }
            return 0;
        }
        EngineSettings.apply(threads, 0);
        TrainingOptions options = options();
        TuningOptions tuning = tuningOptions(options);
        ArtifactStores stores = new ArtifactStores(() -> S3Clients.create(S3Settings.fromEnvironment()));
        TrainingProgress progress = quiet ? TrainingProgress.silent() : new TrainingProgress(out);
        TrainingReport report;
        if (options.kind().inputKind() == InputShape.Kind.WINDOW) {
            report = new SeriesTrainingPipeline(stores, progress, clock).optReport(reportSettings())
                    .run(options, seriesOptions(), tuning);
        } else {
            requireNoSeriesOptions();
            report = new TrainingPipeline(stores, progress, clock).optReport(reportSettings()).run(options, tuning);
        }
        new TrainingSummary(out).print(report);
        TuningSummary.print(out, report.manifest().provenance().tuning());
        if (noPromote) {
            out.printf("LATEST unchanged (--no-promote); to serve this version: models -r %s promote %s%n",
                    options.output(), report.manifest().version());
        }
        return 0;
    }

    private TrainingOptions options() {
        if (!impute.equals("none") && !impute.equals("median")) {
            throw new TrainingInputException("--impute must be none or median, not " + impute);
        }
        String modelName = name != null ? name : defaultName(data);
        String kind = detector != null ? detector : label == null ? UNLABELLED_DEFAULT : LABELLED_DEFAULT;
        return new TrainingOptions(data, output, modelName, label, features, kind, unsupervised,
                impute.equals("median"), validationFraction, testFraction, epochs, patience, batchSize, learningRate,
                seed, contamination, hidden, threads, exclude, id, !noPromote);
    }

    private ReportSettings reportSettings() {
        if (reportCopy != null && reportCopy.toString().startsWith("s3:")) {
            throw new TrainingInputException("--report takes a local file; the artifact in S3 carries report.html");
        }
        return new ReportSettings(!noReport, reportCopy);
    }

    private TuningOptions tuningOptions(TrainingOptions options) {
        if (!tune) {
            if (trials != null || tuneTime != null || !tuneMetric.equals("pr-auc")) {
                throw new TrainingInputException("--trials, --tune-time and --tune-metric need --tune");
            }
            return null;
        }
        try {
            SearchSpaces.checkTunable(options.detector(), options.kind().inputKind() == InputShape.Kind.WINDOW);
            Duration time = tuneTime == null ? null : TuningBudget.parseDuration(tuneTime);
            return new TuningOptions(new TuningBudget(trials, time), tuneMetric);
        } catch (IllegalArgumentException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
    }

    private SeriesOptions seriesOptions() {
        return new SeriesOptions(window == null ? 64 : window, stride, time, maxGap, trainRows, trainFraction,
                threshold, thresholdQuantile, thresholdFactor, windowError, alert, selectWidth,
                keepWeights);
    }

    private void requireNoSeriesOptions() {
        if (window != null || time != null || trainRows != null || trainFraction != null || maxGap != null
                || stride != 1 || !threshold.equals("auto") || !windowError.equals("squared")
                || !alert.equals("window") || selectWidth || !keepWeights.equals("best")) {
            throw new TrainingInputException("--window, --stride, --time, --max-gap, --train-rows, --train-fraction,"
                    + " --threshold, --window-error, --alert, --select-width and --keep-weights apply to window detectors (" + windowDetectors() + "), not to " + detector);
        }
    }

    private static String windowDetectors() {
        return String.join(", ", DetectorRegistry.all().stream()
                .filter(k -> k.inputKind() == InputShape.Kind.WINDOW).map(DetectorKind::name).toList());
    }

    /** The registered detector names, for the help text. */
    static final class DetectorNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DetectorRegistry.names().iterator();
        }
    }

    static String defaultName(String data) {
        String file = data.substring(data.lastIndexOf('/') + 1);
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String cleaned = stem.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return cleaned.isEmpty() ? "model" : cleaned.substring(0, Math.min(64, cleaned.length()));
    }

}
