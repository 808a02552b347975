package io.anomalyscore.bench.sequences;

import io.anomalyscore.evaluation.NabFileScore;
import io.anomalyscore.evaluation.NabProfile;
import io.anomalyscore.evaluation.NabScorer;
import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.AnomalyLikelihood;
import io.anomalyscore.model.SeriesAlerts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One detector on one file: its threshold and detections, the point-wise counts on the
 * evaluated steps (SKAB: the rows after the first 400; NAB: the rows after the probationary
 * period), and for NAB files the file scores per profile, both with every step at or above the
 * threshold as a detection ({@code nab}) and with one detection per excursion above it, its first
 * step ({@code nabAlerts}, what {@code --alert crossing} serves), and with the {@code likelihood}
 * alert rule over the same scores ({@code nabLikelihood}, what {@code --alert likelihood} serves
 * for the whole series sent as one request), and with the rule it replaced ({@code
 * nabLikelihoodIndividual}, {@link IndividualScoreLikelihood}), and with HTM's likelihood at the
 * learning period and estimation samples NAB's Numenta runner sets (the probationary period split
 * in halves, counted in scored steps; {@code nabLikelihoodRunner}), both bench-only; for SKAB files the counts under
 * the protocol's variants ({@link SkabVariants}).
 */
record FileResult(String file, String layout, String detector, String hidden, int rows, int trainRows, int window,
        double threshold, int epochs, double seconds, PointMetrics evaluated, Map<String, NabFileScore> nab,
        Map<String, NabFileScore> nabAlerts, Map<String, NabFileScore> nabLikelihood,
        Map<String, NabFileScore> nabLikelihoodIndividual, Map<String, NabFileScore> nabLikelihoodRunner,
        Map<String, PointMetrics> skabVariants) {

    static FileResult of(BenchFile file, String detector, String hidden, double[] scores, boolean[] detected, double threshold,
            int epochs, double seconds, Map<String, PointMetrics> skabVariants) {
        int from = file.trainRows();
        int[] labels = file.labels();
        PointMetrics evaluated = PointMetrics.of(Arrays.copyOfRange(labels, from, labels.length),
                Arrays.copyOfRange(detected, from, detected.length));
        Map<String, NabFileScore> nab = null;
        Map<String, NabFileScore> alerts = null;
        Map<String, NabFileScore> likelihood = null;
        Map<String, NabFileScore> individual = null;
        Map<String, NabFileScore> runner = null;
        if (file.layout().equals("nab")) {
            nab = nabScores(labels, detected);
            alerts = nabScores(labels, risingEdges(detected));
            double[] windows = Arrays.copyOfRange(scores, file.window() - 1, scores.length);
            boolean[] flags = SeriesAlerts.flags(windows, threshold, "likelihood", file.window());
            boolean[] steps = new boolean[scores.length];
            System.arraycopy(flags, 0, steps, file.window() - 1, flags.length);
            likelihood = nabScores(labels, steps);
            boolean[] old = IndividualScoreLikelihood.alerts(windows);
            boolean[] oldSteps = new boolean[scores.length];
            System.arraycopy(old, 0, oldSteps, file.window() - 1, old.length);
            individual = nabScores(labels, oldSteps);
            int probation = NabScorer.probationaryRows(scores.length);
            boolean[] periods = new AnomalyLikelihood(probation / 2, probation - probation / 2, 8640, 100, 10)
                    .alerts(windows);
            boolean[] periodSteps = new boolean[scores.length];
            System.arraycopy(periods, 0, periodSteps, file.window() - 1, periods.length);
            runner = nabScores(labels, periodSteps);
        }
        return new FileResult(file.name(), file.layout(), detector, hidden, scores.length, from, file.window(), threshold,
                epochs, seconds, evaluated, nab, alerts, likelihood, individual,
                runner, skabVariants);
    }

    private static Map<String, NabFileScore> nabScores(int[] labels, boolean[] detected) {
        Map<String, NabFileScore> scores = new LinkedHashMap<>();
        for (NabProfile profile : NabProfile.all()) {
            scores.put(profile.name(), NabScorer.scoreFile(labels, detected, profile));
        }
        return scores;
    }

    /** The first step of every run of detections: an alert when the score crosses the threshold. */
    static boolean[] risingEdges(boolean[] detected) {
        boolean[] edges = new boolean[detected.length];
        for (int t = 0; t < detected.length; t++) {
            edges[t] = detected[t] && (t == 0 || !detected[t - 1]);
        }
        return edges;
    }

    String brief() {
        return String.format(Locale.ROOT, "F1 %.3f FAR %.2f %% MAR %.2f %% threshold %.4g epochs %d hidden %s %.1f s",
                evaluated.f1(), evaluated.falseAlarmRate(), evaluated.missingAlarmRate(), threshold, epochs, hidden,
                seconds);
    }

    static List<FileResult> of(List<FileResult> all, String layout, String detector) {
        return all.stream().filter(r -> r.layout().equals(layout) && r.detector().equals(detector)).toList();
    }
}
