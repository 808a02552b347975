package io.anomalyscore.bench.sequences;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a detector's per-step output for one file, {@code timestamp,score,anomaly,label}, so an
 * external scorer can recompute every figure; the first {@code window - 1} steps have no window
 * and an empty score.
 */
final class ScoresCsv {

    private ScoresCsv() {}

    static void write(Path csv, BenchFile file, double[] scores, double threshold) throws IOException {
        Files.createDirectories(csv.getParent());
        int first = file.window() - 1;
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write("timestamp,score,anomaly,label\n");
            for (int t = 0; t < scores.length; t++) {
                boolean scored = t >= first;
                out.write(file.timestamps().get(t) + "," + (scored ? Double.toString(scores[t]) : "") + ","
                        + (scored && scores[t] >= threshold ? 1 : 0) + "," + file.labels()[t] + "\n");
            }
        }
    }
}
