package io.anomalyscore.bench.sequences;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a detector's per-step output for one file, {@code timestamp,score,anomaly,label}, so an
 * external scorer can recompute every figure; steps without a scored window (NAB: the first
 * {@code window - 1}; SKAB: the training rows and the first {@code window - 1} test rows, the test
 * part being scored as one request) have an empty score; {@code anomaly} is the served flag.
 */
final class ScoresCsv {

    private ScoresCsv() {}

    static void write(Path csv, BenchFile file, double[] scores, boolean[] detected) throws IOException {
        Files.createDirectories(csv.getParent());
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write("timestamp,score,anomaly,label\n");
            for (int t = 0; t < scores.length; t++) {
                boolean scored = !Double.isNaN(scores[t]);
                out.write(file.timestamps().get(t) + "," + (scored ? Double.toString(scores[t]) : "") + ","
                        + (detected[t] ? 1 : 0) + "," + file.labels()[t] + "\n");
            }
        }
    }
}
