package io.anomalyscore.training;

import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.DetectorRegistry;
import io.anomalyscore.model.detector.FitSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one training run needs, validated.
 *
 * @param data CSV path or {@code s3://bucket/key}
 * @param output artifact destination: a folder or {@code s3://bucket/prefix}
 * @param name model name written into the manifest
 * @param labelColumn label column (0/1, 1 = anomaly), or {@code null}
 * @param features feature columns to use, or empty for all non-label columns
 * @param detector the registered name of the detector to train
 * @param unsupervised unsupervised detectors only: train on all rows even when labels are given
 * @param imputeMedian fill empty cells with the training median instead of rejecting them
 * @param validationFraction share of rows held out for early stopping and the threshold
 * @param testFraction share of labelled rows held out for the reported metrics
 * @param epochs maximum epochs
 * @param patience epochs without validation improvement before stopping
 * @param batchSize mini-batch size
 * @param learningRate Adam learning rate
 * @param seed random seed for splits, initialisation and shuffling
 * @param contamination expected anomaly share, for the threshold without labels, in (0, 0.5]
 * @param hidden hidden layer widths, or empty for the detector's default
 * @param threads PyTorch intra-op threads the run uses (recorded: results depend on it)
 * @param exclude columns that are never features (e.g. free text), or empty
 * @param idColumn a column that is never a feature and that scoring echoes, or {@code null}
 * @param promote whether publishing points {@code LATEST} at the new version
 */
public record TrainingOptions(
        String data,
        String output,
        String name,
        String labelColumn,
        List<String> features,
        String detector,
        boolean unsupervised,
        boolean imputeMedian,
        double validationFraction,
        double testFraction,
        int epochs,
        int patience,
        int batchSize,
        double learningRate,
        long seed,
        double contamination,
        List<Integer> hidden,
        int threads,
        List<String> exclude,
        String idColumn,
        boolean promote) {

    /** Options without excluded columns or id column, promoting the new version. */
    public TrainingOptions(String data, String output, String name, String labelColumn, List<String> features,
            String detector, boolean unsupervised, boolean imputeMedian, double validationFraction,
            double testFraction, int epochs, int patience, int batchSize, double learningRate, long seed,
            double contamination, List<Integer> hidden, int threads) {
        this(data, output, name, labelColumn, features, detector, unsupervised, imputeMedian, validationFraction,
                testFraction, epochs, patience, batchSize, learningRate, seed, contamination, hidden, threads,
                List.of(), null, true);
    }

    public TrainingOptions {
        features = List.copyOf(features);
        exclude = List.copyOf(exclude);
        check(idColumn == null || !idColumn.equals(labelColumn), "--id and --label name the same column");
        check(idColumn == null || !features.contains(idColumn), "--id " + idColumn + " is also listed in --features");
        check(labelColumn == null || !exclude.contains(labelColumn), "--exclude lists the --label column");
        hidden = List.copyOf(hidden);
        check(data != null && !data.isBlank(), "--data is required");
        check(output != null && !output.isBlank(), "--output is required");
        check(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
                "--name must be 1-64 letters, digits, '.', '_' or '-'");
        check(validationFraction >= 0 && validationFraction <= 0.9, "--validation-fraction must be in [0, 0.9]");
        check(testFraction >= 0 && testFraction <= 0.5, "--test-fraction must be in [0, 0.5]");
        check(validationFraction + testFraction <= 0.9, "--validation-fraction plus --test-fraction must be at most 0.9");
        check(epochs >= 1, "--epochs must be at least 1");
        check(patience >= 1, "--patience must be at least 1");
        check(batchSize >= 1, "--batch-size must be at least 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate must be positive");
        check(contamination > 0 && contamination <= 0.5, "--contamination must be in (0, 0.5]");
        check(hidden.stream().allMatch(h -> h >= 1 && h <= 4096), "--hidden sizes must be in [1, 4096]");
        check(threads >= 0, "--threads must be 0 or more");
        DetectorKind kind = kindOf(detector);
        check(!kind.supervised() || labelColumn != null, "the " + detector + " needs --label");
        try {
            kind.check(fitSettings(epochs, patience, batchSize, learningRate, seed, hidden));
        } catch (IllegalArgumentException e) {
            throw new TrainingInputException(e.getMessage(), e);
        }
    }

    private static DetectorKind kindOf(String detector) {
        try {
            return DetectorRegistry.get(detector);
        } catch (IllegalArgumentException e) {
            throw new TrainingInputException("--detector: " + e.getMessage(), e);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new TrainingInputException(message);
        }
    }

    private static FitSettings fitSettings(int epochs, int patience, int batchSize, double learningRate, long seed,
            List<Integer> hidden) {
        return new FitSettings(epochs, patience, batchSize, learningRate, seed, hidden);
    }

    /** The detector kind. */
    public DetectorKind kind() {
        return DetectorRegistry.get(detector);
    }

    /** What the fitter sees. */
    public FitSettings fitSettings() {
        return fitSettings(epochs, patience, batchSize, learningRate, seed, hidden);
    }

    /** The settings that shape the model, as text, for the manifest. */
    public Map<String, String> hyperParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("detector", detector);
        p.put("unsupervised", Boolean.toString(unsupervised));
        p.put("impute", imputeMedian ? "median" : "none");
        p.put("validationFraction", Double.toString(validationFraction));
        p.put("testFraction", Double.toString(testFraction));
        p.put("epochs", Integer.toString(epochs));
        p.put("patience", Integer.toString(patience));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Double.toString(learningRate));
        p.put("seed", Long.toString(seed));
        p.put("contamination", Double.toString(contamination));
        p.put("threads", Integer.toString(threads));
        p.putAll(kind().hyperParameters(fitSettings()));
        return p;
    }
}
