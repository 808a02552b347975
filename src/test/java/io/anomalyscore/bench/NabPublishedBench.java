package io.anomalyscore.bench;

import io.anomalyscore.evaluation.Detections;
import io.anomalyscore.evaluation.NabCsv;
import io.anomalyscore.evaluation.NabFileScore;
import io.anomalyscore.evaluation.NabProfile;
import io.anomalyscore.evaluation.NabPublishedScores;
import io.anomalyscore.evaluation.NabScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * NAB's published detectors on a folder of NAB-layout series (bench/nab-published): each
 * detector's per-row results in {@code DIR/nab_results/<detector>/<series>.csv}, taken at its
 * {@code thresholds.json} threshold, scored with {@link NabScorer} and normalised over all the
 * series, per profile; also how many of NAB's published per-file rows the scorer reproduces
 * (raw score within 1e-6, equal TP/TN/FP/FN). Prints a markdown table, best standard score first.
 */
public final class NabPublishedBench {

    private static final double TOLERANCE = 1e-6;

    /** One detector's normalised scores and how many published rows matched. */
    record Line(String detector, double[] normalised, int matched, int published) {
    }

    private NabPublishedBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: NabPublishedBench DIR   (DIR holds the NAB series and nab_results/)");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path results = data.resolve("nab_results");
        List<String> series = seriesNames(data);
        NabPublishedScores published = NabPublishedScores.in(results);
        List<Line> lines = new ArrayList<>();
        for (String detector : published.detectors()) {
            if (Files.isDirectory(results.resolve(detector))) {
                lines.add(score(detector, series, data, published));
            }
        }
        lines.sort(Comparator.comparingDouble((Line l) -> l.normalised()[0]).reversed());
        System.out.println(table(lines, series));
    }

    private static List<String> seriesNames(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".csv"))
                    .map(name -> name.substring(0, name.length() - ".csv".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Line score(String detector, List<String> series, Path data, NabPublishedScores published) {
        List<NabProfile> profiles = NabProfile.all();
        double[] normalised = new double[profiles.size()];
        int matched = 0;
        int compared = 0;
        for (int p = 0; p < profiles.size(); p++) {
            NabProfile profile = profiles.get(p);
            double threshold = published.threshold(detector, profile.name());
            List<NabFileScore> files = new ArrayList<>();
            for (String name : series) {
                int[] labels = NabCsv.windowLabels(data.resolve(name + ".csv"));
                double[] scores = NabCsv.anomalyScores(data.resolve("nab_results/" + detector + "/" + name + ".csv"));
                NabFileScore file = NabScorer.scoreFile(labels, Detections.atThreshold(scores, threshold), profile);
                files.add(file);
                Optional<NabPublishedScores.Row> row = published.row(detector, profile.name(), name);
                if (row.isPresent()) {
                    compared++;
                    matched += matches(file, row.get()) ? 1 : 0;
                }
            }
            normalised[p] = NabScorer.normalised(files);
        }
        return new Line(detector, normalised, matched, compared);
    }

    private static boolean matches(NabFileScore file, NabPublishedScores.Row row) {
        return Math.abs(file.rawScore() - row.score()) <= TOLERANCE
                && file.truePositives() == row.tp() && file.trueNegatives() == row.tn()
                && file.falsePositives() == row.fp() && file.falseNegatives() == row.fn();
    }

    private static String table(List<Line> lines, List<String> series) {
        StringBuilder out = new StringBuilder();
        out.append("NAB score over ").append(series.size()).append(" series: ").append(String.join(", ", series))
                .append("\n\n");
        out.append("| detector | standard | reward low FP | reward low FN | NAB's per-file rows reproduced |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (Line line : lines) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d / %d |%n", line.detector(),
                    line.normalised()[0], line.normalised()[1], line.normalised()[2], line.matched(),
                    line.published()));
        }
        return out.toString();
    }
}
