package io.anomalyscore.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The provenance record of a search: {@code objective, method, seed, trials, best} and context. */
public final class TuningRecord {

    private TuningRecord() {}

    /** The JSON stored as the manifest's {@code provenance.tuning}. */
    public static JsonNode of(RandomSearch.Outcome<?> outcome, TuningObjective objective, TuningBudget budget,
            SearchSpace space, long seed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("objective", objective.label());
        node.put("higherIsBetter", objective.higherIsBetter());
        node.put("method", RandomSearch.METHOD);
        node.put("seed", seed);
        ObjectNode limits = node.putObject("budget");
        if (budget.trials() != null) {
            limits.put("trials", budget.trials());
        }
        if (budget.time() != null) {
            limits.put("seconds", budget.time().toMillis() / 1000.0);
        }
        node.put("split", "validation");
        node.set("space", space.toJson());
        ArrayNode trials = node.putArray("trials");
        outcome.trials().forEach(t -> trials.add(t.toJson()));
        node.put("best", outcome.best());
        return node;
    }
}
