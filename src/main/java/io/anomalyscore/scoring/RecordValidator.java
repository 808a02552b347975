package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.FeatureSchema;
import io.anomalyscore.model.Preprocessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON records of a request into raw rows in feature order, collecting every
 * violation (capped at {@link #MAX_ERRORS}) with its record index, id (when the record carries a
 * valid one) and feature.
 *
 * <p>Values are JSON numbers; in a Distributed Map batch ({@link ItemBatchParser}), whose CSV cells
 * all arrive as strings, numbers written as text are read too ({@link NumericText}), and the
 * columns the caller names are skipped.
 */
final class RecordValidator {

    /** Most violations reported in one response. */
    static final int MAX_ERRORS = 100;

    private final List<String> features;
    private final Map<String, Integer> positions;
    private final Preprocessor preprocessor;
    private final String idColumn;
    private final Set<String> ignored;
    private final boolean numericText;

    /** @param idColumn the model's id column, or {@code null}: a record object may carry it */
    RecordValidator(List<String> features, Preprocessor preprocessor, String idColumn) {
        this(features, preprocessor, idColumn, Set.of(), false);
    }

    /**
     * @param idColumn the column a record object may carry as its id, or {@code null}
     * @param ignored columns of record objects that are neither features nor the id, skipped
     * @param numericText whether a string value is read as a number ({@link NumericText})
     */
    RecordValidator(List<String> features, Preprocessor preprocessor, String idColumn, Set<String> ignored,
            boolean numericText) {
        this.idColumn = idColumn;
        this.features = List.copyOf(features);
        this.positions = new FeatureSchema(features).positions();
        this.preprocessor = preprocessor;
        this.ignored = Set.copyOf(ignored);
        this.numericText = numericText;
    }

    /** The rows and ids of {@code records} (a non-empty array), or an exception listing every violation. */
    ScoreRequest request(JsonNode records, Boolean explain) {
        Errors errors = new Errors();
        double[][] rows = new double[records.size()][];
        List<JsonNode> ids = new ArrayList<>(Collections.nCopies(rows.length, null));
        for (int i = 0; i < rows.length; i++) {
            JsonNode record = records.get(i);
            if (record.isObject()) {
                JsonNode id = id(i, record, errors);
                ids.set(i, id);
                errors.id = id == null ? null : EchoedName.of(id.asText());
                rows[i] = byName(i, record, errors);
                errors.id = null;
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
            if (field.getKey().equals(idColumn) || ignored.contains(field.getKey())) {
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
        if (numericText && node.isTextual()) {
            return text(i, j, node.textValue(), errors);
        }
        if (!node.isNull() && !node.isNumber()) {
            errors.add(i, features.get(j), "expected a number, got " + kind(node));
            return Double.NaN;
        }
        return checked(i, j, node.isNull() ? Double.NaN : node.doubleValue(), errors);
    }

    /** A number written as text (an empty cell is missing); the message never repeats the text. */
    private double text(int i, int j, String text, Errors errors) {
        NumericText.Cell cell = NumericText.read(text);
        String problem = switch (cell.kind()) {
            case NUMBER -> null;
            case EMPTY -> preprocessor.defect(j, Double.NaN) == Preprocessor.Defect.MISSING
                    ? "the value is empty; this model has no imputer for missing values" : null;
            case NOT_A_NUMBER -> "expected a number, got text that is not a decimal number";
            case TOO_LONG -> "expected a number, got text longer than " + NumericText.MAX_LENGTH + " characters";
            case OVERFLOW -> "value out of range for this model";
        };
        if (problem != null) {
            errors.add(i, features.get(j), problem);
            return Double.NaN;
        }
        return checked(i, j, cell.value(), errors);
    }

    /** {@code v} (NaN = missing) as the model's preprocessor judges it. */
    private double checked(int i, int j, double v, Errors errors) {
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
        /** The id of the record being checked, as echoed, or {@code null}. */
        String id;

        void add(int record, String feature, String message) {
            total++;
            if (list.size() < MAX_ERRORS) {
                list.add(new RecordError(record, id, feature, message));
            }
        }
    }
}
