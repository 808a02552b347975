package io.anomalyscore.training;

import io.anomalyscore.model.DetectorType;
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
 * @param detector which detector to train
 * @param unsupervised autoencoder only: train on all rows even when labels are given
 * @param imputeMedian fill empty cells with the training median instead of rejecting them
 * @param validationFraction share of rows held out for validation, in [0, 0.9]
 * @param epochs maximum epochs
 * @param patience epochs without validation improvement before stopping
 * @param batchSize mini-batch size
 * @param learningRate Adam learning rate
 * @param seed random seed for splits, initialisation and shuffling
 * @param contamination expected anomaly share, for the threshold without labels, in (0, 0.5]
 * @param hidden hidden layer widths, or empty for the detector's default
 */
public record TrainingOptions(
        String data,
        String output,
        String name,
        String labelColumn,
        List<String> features,
        DetectorType detector,
        boolean unsupervised,
        boolean imputeMedian,
        double validationFraction,
        int epochs,
        int patience,
        int batchSize,
        double learningRate,
        long seed,
        double contamination,
        List<Integer> hidden) {

    public TrainingOptions {
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        check(data != null && !data.isBlank(), "--data is required");
        check(output != null && !output.isBlank(), "--output is required");
        check(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
                "--name must be 1-64 letters, digits, '.', '_' or '-'");
        check(validationFraction >= 0 && validationFraction <= 0.9, "--validation-fraction must be in [0, 0.9]");
        check(epochs >= 1, "--epochs must be at least 1");
        check(patience >= 1, "--patience must be at least 1");
        check(batchSize >= 1, "--batch-size must be at least 1");
        check(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate must be positive");
        check(contamination > 0 && contamination <= 0.5, "--contamination must be in (0, 0.5]");
        check(hidden.stream().allMatch(h -> h >= 1 && h <= 4096), "--hidden sizes must be in [1, 4096]");
        check(detector != DetectorType.CLASSIFIER || labelColumn != null, "the classifier needs --label");
        check(detector != DetectorType.CLASSIFIER || hidden.isEmpty() || hidden.equals(List.of(100, 50)),
                "the classifier's network is fixed (100, 50)");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new TrainingInputException(message);
        }
    }

    /** The settings that shape the model, as text, for the manifest. */
    public Map<String, String> hyperParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("detector", detector.id());
        p.put("unsupervised", Boolean.toString(unsupervised));
        p.put("impute", imputeMedian ? "median" : "none");
        p.put("validationFraction", Double.toString(validationFraction));
        p.put("epochs", Integer.toString(epochs));
        p.put("patience", Integer.toString(patience));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Double.toString(learningRate));
        p.put("optimizer", "adam");
        p.put("loss", detector == DetectorType.AUTOENCODER ? "mse" : "binary-cross-entropy");
        p.put("seed", Long.toString(seed));
        p.put("contamination", Double.toString(contamination));
        return p;
    }
}
