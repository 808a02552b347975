package io.anomalyscore.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints what {@code --tune} chose, from the manifest's provenance record; nothing without one. */
final class TuningSummary {

    private TuningSummary() {}

    static void print(PrintStream out, JsonNode tuning) {
        if (tuning == null) {
            return;
        }
        int best = tuning.path("best").asInt();
        JsonNode trial = tuning.path("trials").path(best - 1);
        out.printf("tuning     %s, %d trials, seed %d, objective %s: best trial %d (%.6f), %s%n",
                tuning.path("method").asText(), tuning.path("trials").size(), tuning.path("seed").asLong(),
                tuning.path("objective").asText(), best, trial.path("objective").asDouble(), trial.path("parameters"));
        out.println("           (every trial is in the manifest's provenance.tuning; the test rows chose nothing)");
    }
}
