package io.anomalyscore.training;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.model.StepScore;
import io.anomalyscore.report.FeatureShare;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which features account for the scores of the rows a model flags, for the report. Detectors
 * that explain their scores (autoencoders) give each flagged row's attribution shares, averaged;
 * the others are measured by occlusion: the mean absolute change of the score when one feature is
 * set to its training mean, as a share of the sum over features.
 */
final class FeatureContributions {

    /** Rows occlusion rescores at most (features x rows forward passes). */
    static final int MAX_OCCLUDED_ROWS = 500;

    private FeatureContributions() {}

    /** A result: the shares, largest first, and the sentence that says how they were measured. */
    record Result(List<FeatureShare> shares, String method) {}

    /** Shares over the rows of {@code raw} scored at or above the threshold (all rows if none is). */
    static Result ofRecords(AnomalyModel model, double[][] raw, double[] scores, double threshold) {
        double[][] flagged = flagged(raw, scores, threshold);
        boolean none = java.util.Arrays.stream(scores).noneMatch(s -> s >= threshold);
        String which = flagged.length + " rows " + (none ? "(none is flagged, so all)" : "flagged anomalous")
                + " of the scored split";
        if (model.explains()) {
            List<double[]> attributions = new ArrayList<>();
            for (RecordScore s : model.score(flagged, true)) {
                attributions.add(s.featureErrors());
            }
            return new Result(meanShares(attributions, model.manifest().features()),
                    "Mean share of each feature in the per-feature attribution (the explanation scoring returns) over"
                            + " the " + which + ".");
        }
        return new Result(occlusion(model, flagged), "Occlusion over the first " + Math.min(flagged.length,
                MAX_OCCLUDED_ROWS) + " of the " + which + ": the mean absolute change of the score when one feature"
                + " is set to its training mean, as a share of the sum over features (the " + model.manifest().detector()
                + " gives no per-feature attribution).");
    }

    /** Shares over the steps a window model flags in {@code rows} (all steps if none is). */
    static Result ofSeries(AnomalyModel model, double[][] rows, double threshold) {
        List<double[]> flagged = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (StepScore s : model.scoreSeries(rows, true)) {
            double[] attributions = s.score().featureErrors();
            if (attributions != null) {
                all.add(attributions);
                if (s.score().score() >= threshold) {
                    flagged.add(attributions);
                }
            }
        }
        if (all.isEmpty()) {
            return new Result(List.of(), "The " + model.manifest().detector() + " gives no per-channel attribution.");
        }
        boolean none = flagged.isEmpty();
        return new Result(meanShares(none ? all : flagged, model.manifest().features()),
                "Mean share of each channel in the attribution of the " + (none ? all.size()
                        + " steps (none is flagged)" : flagged.size() + " steps flagged anomalous") + ".");
    }

    private static List<FeatureShare> occlusion(AnomalyModel model, double[][] rows) {
        double[][] sample = java.util.Arrays.copyOf(rows, Math.min(rows.length, MAX_OCCLUDED_ROWS));
        double[] base = model.rawScores(sample);
        double[] mean = model.manifest().preprocessing().mean();
        double[] sums = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            double[][] occluded = new double[sample.length][];
            for (int i = 0; i < sample.length; i++) {
                occluded[i] = sample[i].clone();
                occluded[i][j] = mean[j];
            }
            double[] scores = model.rawScores(occluded);
            for (int i = 0; i < sample.length; i++) {
                sums[j] += Math.abs(scores[i] - base[i]);
            }
        }
        return meanShares(List.of(sums), model.manifest().features());
    }

    /** The mean over rows of each row's shares (attribution / row sum), largest first. */
    private static List<FeatureShare> meanShares(List<double[]> rows, List<String> names) {
        double[] mean = new double[names.size()];
        for (double[] row : rows) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int j = 0; j < mean.length && sum > 0; j++) {
                mean[j] += row[j] / sum / rows.size();
            }
        }
        List<FeatureShare> shares = new ArrayList<>();
        for (int j = 0; j < mean.length; j++) {
            shares.add(new FeatureShare(names.get(j), mean[j]));
        }
        shares.sort(Comparator.comparingDouble(FeatureShare::share).reversed());
        return List.copyOf(shares);
    }

    private static double[][] flagged(double[][] raw, double[] scores, double threshold) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (scores[i] >= threshold) {
                out.add(raw[i]);
            }
        }
        return out.isEmpty() ? raw : out.toArray(double[][]::new);
    }
}
