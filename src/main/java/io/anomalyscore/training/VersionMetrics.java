package io.anomalyscore.training;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.Metrics;
import java.util.Locale;

/** The one-line metrics summary {@code models list} prints for a version. */
final class VersionMetrics {

    private VersionMetrics() {}

    /** E.g. {@code test: F1 0.812 ROC-AUC 0.953 AP 0.871 (354 rows)}, or why there are none. */
    static String headline(ArtifactManifest manifest) {
        Evaluation evaluation = manifest.evaluation();
        if (evaluation == null || evaluation.headline() == null) {
            return "none (trained without labels)";
        }
        Metrics m = evaluation.headline();
        return String.format(Locale.ROOT, "%s: F1 %.3f ROC-AUC %s AP %s (%d rows)", evaluation.headlineSplit(), m.f1(),
                format(m.rocAuc()), format(m.averagePrecision()), m.rows());
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
