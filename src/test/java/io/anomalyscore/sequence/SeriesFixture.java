package io.anomalyscore.sequence;

import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-repo NAB series and small, fast window models trained on it with the real command:
 * windows of 16 steps, the first two days (576 steps at 5 minutes) as the training segment.
 */
public final class SeriesFixture {

    /** NAB's art_daily_jumpsup (MIT, see src/test/resources/series/README.md). */
    public static final String CSV = "src/test/resources/series/art_daily_jumpsup.csv";
    /** Steps per window in the test models. */
    public static final int WINDOW = 16;
    /** Rows of the training segment. */
    public static final int TRAIN_ROWS = 576;
    /** Where the injected anomaly starts in {@link #injected()}, and how long it lasts. */
    public static final int INJECT_AT = 140;
    public static final int INJECT_STEPS = 10;

    private SeriesFixture() {}

    /** Trains {@code detector} into the repository {@code output}; returns the version folder. */
    public static Path train(String detector, Path output, String... extra) {
        List<String> args = new ArrayList<>(List.of("--data", CSV, "--time", "timestamp", "--features", "value",
                "--label", "label", "--detector", detector, "--window", Integer.toString(WINDOW), "--stride", "2",
                "--train-rows", Integer.toString(TRAIN_ROWS), "--validation-fraction", "0", "--epochs", "25",
                "--patience", "25", "--output", output.toString(), "-q"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = TrainCommand.execute(print, print, args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("training failed (exit " + exit + "): " + out.toString(StandardCharsets.UTF_8));
        }
        try {
            return output.resolve(Files.readString(output.resolve("LATEST")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The window labels of the series, in file order. */
    public static int[] labels() {
        try {
            return Files.readAllLines(Path.of(CSV)).stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[2]))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of the series, in file order. */
    public static double[] values() {
        try {
            return Files.readAllLines(Path.of(CSV)).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Day three of the series (normal, after the training segment, 288 steps) with {@link
     * #INJECT_STEPS} steps raised by 60 from {@link #INJECT_AT} on: a level the daily pattern never
     * has at that hour.
     */
    public static double[] injected() {
        double[] day = java.util.Arrays.copyOfRange(values(), 600, 888);
        for (int t = INJECT_AT; t < INJECT_AT + INJECT_STEPS; t++) {
            day[t] += 60;
        }
        return day;
    }

    /** Where {@link #injectedSlice()} starts in {@link #injected()}. */
    public static final int SLICE_FROM = 110;

    /**
     * Steps 110 to 189 of {@link #injected()}, the injection at 30: short enough that the
     * response stays under 8 KiB (larger responses time out in the HTTP test mode of
     * quarkus-amazon-lambda-http, records and series alike; direct invocations are not affected).
     */
    public static double[] injectedSlice() {
        return java.util.Arrays.copyOfRange(injected(), SLICE_FROM, SLICE_FROM + 80);
    }

    /** Whether the window ending at {@code index} holds an injected step. */
    public static boolean touchesInjection(int index) {
        return touchesInjection(index, INJECT_AT);
    }

    private static boolean touchesInjection(int index, int injectAt) {
        return index >= injectAt && index - WINDOW + 1 < injectAt + INJECT_STEPS;
    }

    /** The JSON body {@code {"series": [[v], ...]}} of {@code values}. */
    public static String body(double[] values, boolean explain) {
        StringBuilder b = new StringBuilder("{\"series\":[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('[').append(values[i]).append(']');
        }
        return b.append("]").append(explain ? ",\"explain\":true}" : "}").toString();
    }

    /**
     * The ROC-AUC of {@code scores} (window ending at step {@code window - 1 + i}) for telling
     * windows that touch the injection from those that do not; random scores give about 0.5.
     */
    public static double injectionAuc(double[] scores) {
        return injectionAuc(scores, INJECT_AT);
    }

    /** As {@link #injectionAuc(double[])}, for {@link #injectedSlice()}. */
    public static double sliceInjectionAuc(double[] scores) {
        return injectionAuc(scores, INJECT_AT - SLICE_FROM);
    }

    private static double injectionAuc(double[] scores, int injectAt) {
        int pairs = 0;
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (touchesInjection(WINDOW - 1 + i, injectAt) && !touchesInjection(WINDOW - 1 + j, injectAt)) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
