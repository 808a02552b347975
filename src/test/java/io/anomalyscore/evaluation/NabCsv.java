package io.anomalyscore.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the columns the NAB tests and benches need from NAB-layout CSV files: the {@code label}
 * column of a series ({@code timestamp,value,label,point_label}) and the {@code anomaly_score}
 * column of a detector's per-row results ({@code timestamp,anomaly_score}). The files have no
 * quoted fields.
 */
public final class NabCsv {

    private NabCsv() {
    }

    /** The 0/1 window labels of a NAB series. */
    public static int[] windowLabels(Path series) {
        return column(series, "label").stream().mapToInt(Integer::parseInt).toArray();
    }

    /** A detector's per-row anomaly scores. */
    public static double[] anomalyScores(Path results) {
        return column(results, "anomaly_score").stream().mapToDouble(Double::parseDouble).toArray();
    }

    /** The values of one named column, in row order. */
    public static List<String> column(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            int index = Arrays.asList(lines.get(0).split(",", -1)).indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(file + ": no column " + name + " in " + lines.get(0));
            }
            return lines.subList(1, lines.size()).stream()
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split(",", -1)[index])
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
