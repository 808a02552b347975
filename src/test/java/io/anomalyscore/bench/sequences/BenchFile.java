package io.anomalyscore.bench.sequences;

import io.anomalyscore.evaluation.NabScorer;
import io.anomalyscore.training.SeriesData;
import io.anomalyscore.training.SeriesReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One benchmark file and the protocol it is run under: a NAB series (fit on the probationary
 * period, 64-step windows) or a SKAB experiment (SKAB's protocol: fit on the first 400 rows,
 * 60-step windows, evaluated on the rest).
 *
 * @param path the CSV
 * @param name file name without {@code .csv}, prefixed with its folder below the data folder
 * @param layout {@code nab} or {@code skab}
 * @param channels the channel columns
 * @param data the series as the training command reads it
 * @param timestamps the timestamp column as written
 */
record BenchFile(Path path, String name, String layout, List<String> channels, SeriesData data,
        List<String> timestamps) {

    static final List<String> NAB_HEADER = List.of("timestamp", "value", "label", "point_label");

    /** The file at {@code path} if its header is NAB's or SKAB's layout, else {@code null}. */
    static BenchFile of(Path root, Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",", -1));
        String layout;
        List<String> channels;
        if (header.equals(NAB_HEADER)) {
            layout = "nab";
            channels = List.of("value");
        } else if (header.size() > 3 && header.get(0).equals("timestamp")
                && header.subList(header.size() - 2, header.size()).equals(List.of("label", "changepoint"))) {
            layout = "skab";
            channels = header.subList(1, header.size() - 2);
        } else {
            return null;
        }
        SeriesData data;
        try (InputStream in = Files.newInputStream(path)) {
            data = new SeriesReader("label", channels, "timestamp", null).read(in, path.toString());
        }
        List<String> times = lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(',')))
                .toList();
        String relative = root.relativize(path).toString().replace('/', '_');
        return new BenchFile(path, relative.substring(0, relative.length() - 4), layout, channels, data, times);
    }

    /** Rows the detector is fitted on. */
    int trainRows() {
        return layout.equals("skab") ? 400 : NabScorer.probationaryRows(data.size());
    }

    /**
     * The training options of the file's protocol beside the shared ones. SKAB: its Conv-AE's
     * (notebooks/Conv_AE.ipynb, core/Conv_AE.py): the residual of a window is its mean absolute
     * error (SKAB sums the channels' means; the mean over channels differs by a constant factor,
     * which the quantile rule cancels), UCL = the 0.999 quantile of the training windows'
     * residuals x 4/3, a step anomalous when every window covering it but the one starting at it
     * is above the UCL; at most 100 epochs, batch 32, early stopping with patience 5 on the last
     * tenth of the training windows, keeping the last epoch's weights (Keras' {@code EarlyStopping}
     * without {@code restore_best_weights}, as SKAB's notebook calls it). NAB: the mean squared error, the 0.99 quantile x 4/3, every
     * step whose window is at or above it, at most 60 epochs, patience 10, batch 64.
     */
    List<String> protocol() {
        return layout.equals("skab")
                ? List.of("--window-error", "absolute", "--alert", "covering", "--threshold-quantile", "0.999",
                        "--threshold-factor", "1.3333333333333333", "--epochs", "100", "--patience", "5",
                        "--batch-size", "32", "--keep-weights", "last")
                : List.of("--epochs", "60", "--patience", "10");
    }

    /** Steps per window. */
    int window() {
        return layout.equals("skab") ? 60 : 64;
    }

    /** The 0/1 labels. */
    int[] labels() {
        return data.table().labels();
    }

    /** The channel values, one row per step. */
    double[][] rows() {
        return data.table().rows();
    }
}
