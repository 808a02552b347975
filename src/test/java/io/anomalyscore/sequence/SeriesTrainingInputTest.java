package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A series the window detectors cannot train on stops the command with exit code 2, a message
 * naming file, line and column where there is one, and nothing published.
 */
class SeriesTrainingInputTest {

    @TempDir
    Path dir;

    private String run(String csv, String... extra) throws IOException {
        Path data = dir.resolve("series.csv");
        Files.writeString(data, csv);
        String[] base = {"--data", data.toString(), "--output", dir.resolve("out").toString(), "--detector",
            "conv-autoencoder", "--time", "t", "--window", "4", "--epochs", "1", "-q"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(TrainCommand.execute(print, print, args)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(dir.resolve("out/LATEST")).doesNotExist();
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String series(int rows) {
        StringBuilder b = new StringBuilder("t,v\n");
        for (int i = 0; i < rows; i++) {
            b.append(i).append(',').append(Math.sin(i)).append('\n');
        }
        return b.toString();
    }

    @Test
    void nonIncreasingTimestampNamesTheLine() throws IOException {
        String message = run("t,v\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n2014-01-01 00:05:00,3\n");
        assertThat(message).contains("series.csv", "line 4", "column 1", "timestamp does not increase");
        assertThat(run("t,v\n5,1\n4,2\n")).contains("line 3", "does not increase");
    }

    @Test
    void gapLongerThanMaxGapNamesTheLine() throws IOException {
        assertThat(run("t,v\n0,1\n60,2\n400,3\n460,4\n", "--max-gap", "120")).contains("line 4", "gap of 340.0 s");
    }

    @Test
    void unparsableTimestampNamesTheCell() throws IOException {
        assertThat(run("t,v\n0,1\nyesterday,2\n")).contains("line 3", "column 1", "not a timestamp");
    }

    @Test
    void seriesShorterThanTheWindowIsRefused() throws IOException {
        assertThat(run(series(3))).contains("fewer than the window of 4");
        assertThat(run(series(100), "--train-rows", "200")).contains("exceeds the 100 rows");
    }

    @Test
    void nanAndMissingValuesNameTheCell() throws IOException {
        assertThat(run("t,v\n0,1\n1,NaN\n")).contains("line 3", "column 2", "non-finite value");
        assertThat(run("t,v\n0,1\n1,\n")).contains("line 3", "column 2", "missing value");
    }

    @Test
    void seriesOptionsNeedAWindowDetector() throws IOException {
        Path data = dir.resolve("plain.csv");
        Files.writeString(data, series(50));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = TrainCommand.execute(print, print, "--data", data.toString(), "--output",
                dir.resolve("out").toString(), "--window", "8", "-q");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("apply to window detectors", "conv-autoencoder");
    }

    @Test
    void timeColumnIsNotAChannel() throws IOException {
        assertThat(run(series(20), "--features", "t,v")).contains("'t' is the time column");
    }
}
