package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.FeatureSchema;
import io.anomalyscore.model.Preprocessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON records of a request into raw rows in feature order, collecting every
 * violation (capped at {@link #MAX_ERRORS}) with its record index and feature.
 */
final class RecordValidator {

    /** Most violations reported in one response. */
    static final int MAX_ERRORS = 100;

    private final List<String> features;
    private final Map<String, Integer> positions;
    private final Preprocessor preprocessor;
    private final String idColumn;

    /** @param idColumn the model's id column, or {@code null}: a record object may carry it */
    RecordValidator(List<String> features, Preprocessor preprocessor, String idColumn) {
        this.idColumn = idColumn;
        this.features = List.copyOf(features);
        this.positions = new FeatureSchema(features).positions();
        this.preprocessor = preprocessor;
    }

    /** The rows and ids of {@code records} (a non-empty array), or an exception listing every violation. */
    ScoreRequest request(JsonNode records, Boolean explain) {
        Errors errors = new Errors();
        double[][] rows = new double[records.size()][];
        List<JsonNode> ids = new ArrayList<>(Collections.nCopies(rows.length, null));
        for (int i = 0; i < rows.length; i++) {
            JsonNode record = records.get(i);
            if (record.isObject()) {
                ids.set(i, id(i, record, errors));
                rows[i] = byName(i, record, errors);
            } else if (record.isArray()) {
                rows[i] = byPosition(i, record, errors);
            } else {
                errors.add(i, null, "a record must be an object keyed by feature name or an array of "
                        + features.size() + " numbers in the model's feature order");
            }
        }
        if (errors.total > 0) {
            throw new InvalidRecordsException(errors.total + " invalid value(s) in \"records\""
                    + (errors.total > MAX_ERRORS ? "; the first " + MAX_ERRORS + " are listed" : ""),
                    errors.list, errors.total);
        }
        return new ScoreRequest(rows, explain, ids);
    }

    /** The record's id (a string or number), or {@code null} without one. */
    private JsonNode id(int i, JsonNode record, Errors errors) {
        JsonNode id = idColumn == null ? null : record.get(idColumn);
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual() && !id.isNumber()) {
            errors.add(i, EchoedName.of(idColumn), "the id must be a string or a number, got " + kind(id));
            return null;
        }
        return id;
    }

    private double[] byName(int i, JsonNode record, Errors errors) {
        double[] row = new double[features.size()];
        boolean[] seen = new boolean[features.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(idColumn)) {
                continue;
            }
            Integer j = positions.get(field.getKey());
            if (j == null) {
                errors.add(i, EchoedName.of(field.getKey()), "unknown feature");
                continue;
            }
            seen[j] = true;
            row[j] = value(i, j, field.getValue(), errors);
        }
        for (int j = 0; j < seen.length; j++) {
            if (!seen[j]) {
                errors.add(i, features.get(j), "missing feature");
            }
        }
        return row;
    }

    private double[] byPosition(int i, JsonNode record, Errors errors) {
        if (record.size() != features.size()) {
            errors.add(i, null, "the array holds " + record.size() + " values; the model expects "
                    + features.size() + " in the order " + features);
            return null;
        }
        double[] row = new double[features.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = value(i, j, record.get(j), errors);
        }
        return row;
    }

    /** The raw value of feature {@code j} (NaN for {@code null}); the model's preprocessor judges numbers. */
    private double value(int i, int j, JsonNode node, Errors errors) {
        if (!node.isNull() && !node.isNumber()) {
            errors.add(i, features.get(j), "expected a number, got " + kind(node));
            return Double.NaN;
        }
        double v = node.isNull() ? Double.NaN : node.doubleValue();
        Preprocessor.Defect defect = preprocessor.defect(j, v);
        if (defect == Preprocessor.Defect.MISSING) {
            errors.add(i, features.get(j), "null is not allowed; this model has no imputer for missing values");
        } else if (defect == Preprocessor.Defect.OUT_OF_RANGE) {
            errors.add(i, features.get(j), "value out of range for this model");
        }
        return v;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> "a non-numeric value";
        };
    }

    private static final class Errors {
        final List<RecordError> list = new ArrayList<>();
        int total;

        void add(int record, String feature, String message) {
            total++;
            if (list.size() < MAX_ERRORS) {
                list.add(new RecordError(record, feature, message));
            }
        }
    }
}
