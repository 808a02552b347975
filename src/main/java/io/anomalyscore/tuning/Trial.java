package io.anomalyscore.tuning;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One finished trial.
 *
 * @param number 1-based position in the search
 * @param parameters the configuration tried
 * @param objective its objective on the validation split (NaN when training diverged)
 * @param epochsRun epochs trained before stopping
 * @param bestEpoch epoch whose weights were kept
 * @param seconds wall-clock seconds the trial took (fit and validation scoring)
 */
public record Trial(int number, TrialParameters parameters, double objective, int epochsRun, int bestEpoch,
        double seconds) {

    /** The JSON form in provenance: {@code trial, parameters, objective, epochs, bestEpoch, seconds}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("trial", number);
        node.set("parameters", parameters.toJson());
        if (Double.isFinite(objective)) {
            node.put("objective", objective);
        } else {
            node.putNull("objective");
        }
        node.put("epochs", epochsRun);
        node.put("bestEpoch", bestEpoch);
        node.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return node;
    }
}
