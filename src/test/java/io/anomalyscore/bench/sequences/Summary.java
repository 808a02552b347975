package io.anomalyscore.bench.sequences;

import io.anomalyscore.evaluation.Detections;
import io.anomalyscore.evaluation.NabCsv;
import io.anomalyscore.evaluation.NabFileScore;
import io.anomalyscore.evaluation.NabProfile;
import io.anomalyscore.evaluation.NabPublishedScores;
import io.anomalyscore.evaluation.NabScorer;
import io.anomalyscore.evaluation.PointMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pooled figures of a bench run: per detector, SKAB's F1 / FAR / MAR over the test parts of
 * every SKAB file (counts summed, as SKAB's leaderboard pools them) and the normalised NAB score
 * per profile over every NAB file; beside them NAB's published detectors scored on the same NAB
 * files (when the data folder has {@code nab_results/}).
 */
final class Summary {

    private Summary() {}

    static Map<String, Object> of(List<FileResult> results, List<String> detectors, Path data) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String detector : detectors) {
            Map<String, Object> d = new LinkedHashMap<>();
            List<FileResult> skab = FileResult.of(results, "skab", detector);
            if (!skab.isEmpty()) {
                PointMetrics pooled = PointMetrics.pooled(skab.stream().map(FileResult::evaluated).toList());
                d.put("skab", Map.of("files", skab.size(), "f1", pooled.f1(), "far", pooled.falseAlarmRate(),
                        "mar", pooled.missingAlarmRate()));
                d.put("skabVariants", variants(skab));
            }
            List<FileResult> nab = FileResult.of(results, "nab", detector);
            if (!nab.isEmpty()) {
                d.put("nab", nab(nab, FileResult::nab));
                d.put("nabAlerts", nab(nab, FileResult::nabAlerts));
                d.put("nabLikelihood", nab(nab, FileResult::nabLikelihood));
                d.put("nabLikelihoodIndividual", nab(nab, FileResult::nabLikelihoodIndividual));
                d.put("nabLikelihoodRunner", nab(nab, FileResult::nabLikelihoodRunner));
            }
            summary.put(detector, d);
        }
        summary.put("nabPublished", published(results, data));
        return summary;
    }

    /** SKAB's pooled F1 / FAR / MAR per variant of the rule ({@link SkabVariants}). */
    private static Map<String, Map<String, Double>> variants(List<FileResult> skab) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String name : skab.get(0).skabVariants().keySet()) {
            PointMetrics pooled = PointMetrics.pooled(skab.stream().map(f -> f.skabVariants().get(name)).toList());
            out.put(name, Map.of("f1", pooled.f1(), "far", pooled.falseAlarmRate(), "mar", pooled.missingAlarmRate()));
        }
        return out;
    }

    private static Map<String, Double> nab(List<FileResult> files,
            java.util.function.Function<FileResult, Map<String, NabFileScore>> rule) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (NabProfile profile : NabProfile.all()) {
            scores.put(profile.name(), NabScorer.normalised(files.stream()
                    .map(f -> rule.apply(f).get(profile.name())).toList()));
        }
        return scores;
    }

    /** NAB's published detectors on the NAB files of this run, each at its thresholds.json threshold. */
    static Map<String, Map<String, Double>> published(List<FileResult> results, Path data) {
        Path folder = data.resolve("nab_results");
        List<String> names = results.stream().filter(r -> r.layout().equals("nab")).map(FileResult::file).distinct()
                .toList();
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (names.isEmpty() || !Files.isDirectory(folder)) {
            return out;
        }
        NabPublishedScores published = NabPublishedScores.in(folder);
        for (String detector : published.detectors()) {
            if (!names.stream().allMatch(n -> Files.exists(folder.resolve(detector).resolve(n + ".csv")))) {
                continue;
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            for (NabProfile profile : NabProfile.all()) {
                double threshold = published.threshold(detector, profile.name());
                List<NabFileScore> files = new ArrayList<>();
                for (String name : names) {
                    files.add(NabScorer.scoreFile(NabCsv.windowLabels(data.resolve(name + ".csv")),
                            Detections.atThreshold(NabCsv.anomalyScores(folder.resolve(detector).resolve(name
                                    + ".csv")), threshold), profile));
                }
                scores.put(profile.name(), NabScorer.normalised(files));
            }
            out.put(detector, scores);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static String markdown(List<FileResult> results, List<String> detectors, Path data) {
        Map<String, Object> s = of(results, detectors, data);
        StringBuilder out = new StringBuilder("| detector | SKAB files | SKAB F1 | FAR | MAR | NAB files | NAB standard"
                + " | low FP | low FN | NAB standard, alert on crossing | low FP | low FN | NAB standard, likelihood"
                + " | low FP | low FN | NAB standard, likelihood of individual scores (before) | low FP | low FN"
                + " | NAB standard, likelihood at NAB runner's periods | low FP | low FN |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String detector : detectors) {
            Map<String, Object> d = (Map<String, Object>) s.get(detector);
            Map<String, Object> skab = (Map<String, Object>) d.get("skab");
            Map<String, Double> nab = (Map<String, Double>) d.get("nab");
            Map<String, Double> alerts = (Map<String, Double>) d.get("nabAlerts");
            Map<String, Double> likelihood = (Map<String, Double>) d.get("nabLikelihood");
            Map<String, Double> individual = (Map<String, Double>) d.get("nabLikelihoodIndividual");
            Map<String, Double> runner = (Map<String, Double>) d.get("nabLikelihoodRunner");
            out.append("| ").append(detector).append(" | ");
            out.append(skab == null ? "0 | - | - | - | " : String.format(Locale.ROOT, "%d | %.2f | %.2f %% | %.2f %% | ",
                    skab.get("files"), skab.get("f1"), skab.get("far"), skab.get("mar")));
            long nabFiles = FileResult.of(results, "nab", detector).size();
            out.append(nabFiles).append(" | ").append(profiles(nab)).append(" | ").append(profiles(alerts)).append(" | ")
                    .append(profiles(likelihood)).append(" | ").append(profiles(individual)).append(" | ")
                    .append(profiles(runner)).append(" |\n");
        }
        StringBuilder variants = new StringBuilder();
        for (String detector : detectors) {
            Map<String, Map<String, Double>> v = (Map<String, Map<String, Double>>) ((Map<String, Object>) s
                    .get(detector)).get("skabVariants");
            if (v != null) {
                v.forEach((name, m) -> variants.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.2f %% | %.2f %% |%n",
                        detector, name, m.get("f1"), m.get("far"), m.get("mar"))));
            }
        }
        if (variants.length() > 0) {
            out.append("\nSKAB, the same models under variants of the rule (x 4/3 each):\n\n| detector | variant | F1 | FAR"
                    + " | MAR |\n|---|---|---:|---:|---:|\n").append(variants);
        }
        Map<String, Map<String, Double>> published = (Map<String, Map<String, Double>>) s.get("nabPublished");
        if (!published.isEmpty()) {
            out.append("\nNAB's published detectors on the same NAB files:\n\n| detector | standard | low FP | low FN |\n"
                    + "|---|---:|---:|---:|\n");
            published.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue().get("standard"), a.getValue().get("standard")))
                    .forEach(e -> out.append("| ").append(e.getKey()).append(" | ").append(profiles(e.getValue()))
                            .append(" |\n"));
        }
        return out.toString();
    }

    private static String profiles(Map<String, Double> scores) {
        if (scores == null) {
            return "- | - | -";
        }
        return String.format(Locale.ROOT, "%.2f | %.2f | %.2f", scores.get("standard"), scores.get("reward_low_FP_rate"),
                scores.get("reward_low_FN_rate"));
    }
}
