package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code BatchInput} of a Distributed Map batch: what applies to every row of it.
 *
 * @param idColumn the column each result carries as {@code id} (and each error names its row by), or
 *     {@code null} for the model's id column
 * @param explain whether to add contributions, or {@code null} when absent
 * @param ignoreColumns columns of the rows that are neither features nor the id (e.g. a label or a
 *     timestamp), skipped instead of rejected as unknown
 */
public record BatchOptions(String idColumn, Boolean explain, Set<String> ignoreColumns) {

    /** The fields {@code BatchInput} may hold. */
    public static final List<String> FIELDS = List.of("idColumn", "explain", "ignoreColumns");

    /** No {@code BatchInput}: the model's id column, no explanations, no column skipped. */
    static final BatchOptions NONE = new BatchOptions(null, null, Set.of());

    /**
     * Reads {@code BatchInput}; {@code null} (absent) or JSON {@code null} values mean the defaults.
     *
     * @throws InvalidRecordsException naming the field that is not as documented
     */
    static BatchOptions of(JsonNode batchInput) {
        if (batchInput == null || batchInput.isNull()) {
            return NONE;
        }
        if (!batchInput.isObject()) {
            throw invalid("\"BatchInput\" must be an object with optional " + FIELDS);
        }
        String idColumn = null;
        Boolean explain = null;
        Set<String> ignore = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = batchInput.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (field.getKey()) {
                case "idColumn" -> {
                    if (!value.isTextual() || value.textValue().isEmpty()) {
                        throw invalid("\"BatchInput.idColumn\" must be a column name");
                    }
                    idColumn = value.textValue();
                }
                case "explain" -> {
                    if (!value.isBoolean()) {
                        throw invalid("\"BatchInput.explain\" must be true or false");
                    }
                    explain = value.booleanValue();
                }
                case "ignoreColumns" -> {
                    if (!value.isArray()) {
                        throw invalid("\"BatchInput.ignoreColumns\" must be an array of column names");
                    }
                    for (JsonNode name : value) {
                        if (!name.isTextual()) {
                            throw invalid("\"BatchInput.ignoreColumns\" must be an array of column names");
                        }
                        ignore.add(name.textValue());
                    }
                }
                default -> throw invalid("unknown field " + EchoedName.quoted(field.getKey())
                        + " in \"BatchInput\"; it holds " + FIELDS);
            }
        }
        return new BatchOptions(idColumn, explain, ignore);
    }

    private static InvalidRecordsException invalid(String detail) {
        return new InvalidRecordsException(detail, List.of(), 0);
    }
}
