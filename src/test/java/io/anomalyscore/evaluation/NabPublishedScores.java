package io.anomalyscore.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NAB's published material for its detectors: the thresholds of {@code thresholds.json} and the
 * per-file rows of {@code published_scores.csv}
 * ({@code Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count}).
 */
public final class NabPublishedScores {

    /** One published row: NAB's raw score and row counts of a detector on a file under a profile. */
    public record Row(String detector, String profile, String file, double threshold, double score,
            int tp, int tn, int fp, int fn) {
    }

    private final JsonNode thresholds;
    private final List<Row> rows;

    private NabPublishedScores(JsonNode thresholds, List<Row> rows) {
        this.thresholds = thresholds;
        this.rows = rows;
    }

    /** Reads {@code thresholds.json} and {@code published_scores.csv} from a folder. */
    public static NabPublishedScores in(Path folder) {
        try {
            JsonNode thresholds = new ObjectMapper().readTree(folder.resolve("thresholds.json").toFile());
            List<String> lines = Files.readAllLines(folder.resolve("published_scores.csv"));
            List<Row> rows = lines.subList(1, lines.size()).stream()
                    .filter(line -> !line.isEmpty())
                    .map(NabPublishedScores::row)
                    .toList();
            return new NabPublishedScores(thresholds, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(String line) {
        String[] f = line.split(",", -1);
        return new Row(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]));
    }

    /** The threshold NAB's optimiser chose for a detector and profile. */
    public double threshold(String detector, String profile) {
        JsonNode node = thresholds.path(detector).path(profile).path("threshold");
        if (!node.isNumber()) {
            throw new IllegalArgumentException("thresholds.json has no threshold for " + detector + "/" + profile);
        }
        return node.asDouble();
    }

    /** The detectors that {@code thresholds.json} lists, in its order. */
    public List<String> detectors() {
        List<String> names = new ArrayList<>();
        thresholds.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The published row of a detector on a series (by file name, without NAB's category folder). */
    public Optional<Row> row(String detector, String profile, String seriesName) {
        return rows.stream()
                .filter(r -> r.detector().equals(detector) && r.profile().equals(profile)
                        && r.file().endsWith("/" + seriesName + ".csv"))
                .findFirst();
    }
}
