package io.anomalyscore.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered feature names a model was trained on; the one place that maps names to positions.
 *
 * @param names feature names in model input order, unique and non-blank
 */
public record FeatureSchema(List<String> names) {

    public FeatureSchema {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one feature");
        }
        if (new java.util.HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("feature names must be unique: " + names);
        }
    }

    /** Number of features. */
    public int size() {
        return names.size();
    }

    /** Name of the feature at {@code index}. */
    public String name(int index) {
        return names.get(index);
    }

    /** Position of each feature by name, for parsing records keyed by name. */
    public Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return positions;
    }
}
