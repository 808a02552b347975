package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Metrics;
import java.io.PrintStream;

/** Prints the human-readable summary of a training run. */
final class TrainingSummary {

    private final PrintStream out;

    TrainingSummary(PrintStream out) {
        this.out = out;
    }

    void print(TrainingReport report) {
        ArtifactManifest m = report.manifest();
        out.println();
        out.printf("model      %s  version %s  (%s, %s)%n", m.name(), m.version(), m.detector(),
                m.provenance().mode());
        out.printf("published  %s%n", report.location());
        out.printf("features   %d  detector %s  epochs %d (best %d)%n", m.features().size(), m.detectorConfig(),
                m.provenance().epochsRun(), m.provenance().bestEpoch());
        out.printf("threshold  %.6g  (%s)%n", m.threshold(), m.calibration().method());
        if (m.evaluation() != null) {
            out.println();
            out.println("split        rows  anomalies  ROC-AUC  PR-AUC  precision  recall     F1  accuracy   TP   FP    TN   FN");
            row("training", m.evaluation().training());
            row("validation", m.evaluation().validation());
            row("test", m.evaluation().test());
            out.println(m.evaluation().test() != null
                    ? "test rows chose nothing: quote them; training and validation chose the weights and threshold"
                    : "no test split (--test-fraction 0): these figures come from rows that chose the model");
        }
        out.printf("%ntook %.1f s%n", report.duration().toMillis() / 1000.0);
    }

    private void row(String split, Metrics x) {
        if (x == null) {
            return;
        }
        out.printf("%-10s %6d %10d  %7s  %6s  %9.4f  %6.4f  %5.4f  %8.4f %4d %4d %5d %4d%n", split, x.rows(),
                x.anomalies(), fmt(x.rocAuc()), fmt(x.averagePrecision()), x.precision(), x.recall(), x.f1(),
                x.accuracy(), x.truePositives(), x.falsePositives(), x.trueNegatives(), x.falseNegatives());
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format("%.4f", v);
    }
}
