package io.anomalyscore.training;

import io.anomalyscore.model.detector.FitProgress;
import java.io.PrintStream;
import java.time.Duration;

/** Prints one line per epoch: losses, time per epoch and the remaining time at most. */
public class TrainingProgress implements FitProgress {

    private final PrintStream out;
    private long elapsedNanos;

    public TrainingProgress(PrintStream out) {
        this.out = out;
    }

    /** A progress sink that prints nothing. */
    public static TrainingProgress silent() {
        return new TrainingProgress(null);
    }

    /** Reports a finished epoch. */
    @Override
    public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean improved, long nanos) {
        elapsedNanos += nanos;
        if (out == null) {
            return;
        }
        long eta = elapsedNanos / epoch * (epochs - epoch);
        out.printf("epoch %3d/%d  train loss %.6f  validation loss %s%s  %.2fs  ETA <= %s%n",
                epoch, epochs, trainLoss,
                Double.isNaN(validationLoss) ? "-" : String.format("%.6f", validationLoss),
                improved ? " *" : "  ", nanos / 1e9, format(Duration.ofNanos(eta)));
    }

    /** Prints a free-form line. */
    @Override
    public void line(String text) {
        if (out != null) {
            out.println(text);
        }
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
