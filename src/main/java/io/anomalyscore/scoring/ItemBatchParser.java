package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.Preprocessor;
import java.util.Iterator;
import java.util.List;

/**
 * Parses the batch a Step Functions Distributed Map hands its item processor, {@code {"Items":
 * [...], "BatchInput": {...}}}: the rows of a CSV as objects keyed by the header, every value a
 * string. Numbers written as text are accepted here, and only here ({@link NumericText}); the rows
 * are otherwise validated as the records of {@code POST /v1/score} are, each error naming the item's
 * 0-based index in the batch, its id and the column.
 *
 * <p>Only direct invocations reach this parser: the Lambda event reader marks such a payload with
 * {@link #HEADER} and removes that header from every API Gateway event.
 */
public final class ItemBatchParser {

    /** Marks a request whose body is a Distributed Map batch; set only by the Lambda event reader. */
    public static final String HEADER = "x-anomaly-payload";
    /** The marker's value. */
    public static final String VALUE = "distributed-map-batch";

    private static final String ITEMS = "Items";
    private static final String BATCH_INPUT = "BatchInput";

    private final RecordParser json;
    private final List<String> features;
    private final Preprocessor preprocessor;
    private final String modelIdColumn;
    private final int maxItems;

    /**
     * @param json reads bytes into a tree within the request limits
     * @param modelIdColumn the model's id column, or {@code null}
     * @param maxItems most items per batch ({@code anomaly.max-records})
     */
    ItemBatchParser(RecordParser json, List<String> features, Preprocessor preprocessor, String modelIdColumn,
            int maxItems) {
        this.json = json;
        this.features = List.copyOf(features);
        this.preprocessor = preprocessor;
        this.modelIdColumn = modelIdColumn;
        this.maxItems = maxItems;
    }

    /**
     * The validated batch in {@code body}: rows in item order, their ids, the explain flag.
     *
     * @throws MalformedJsonException if it is not JSON within the limits
     * @throws InvalidRecordsException if it is not a valid batch for this model
     */
    ScoreRequest parse(byte[] body) {
        JsonNode root = json.readTree(body);
        if (!root.isObject()) {
            throw invalid("a batch is a JSON object with \"Items\" and optionally \"BatchInput\"");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(ITEMS) && !name.equals(BATCH_INPUT)) {
                throw invalid("unknown field " + EchoedName.quoted(name)
                        + "; a batch holds \"Items\" and optionally \"BatchInput\"");
            }
        }
        JsonNode items = root.get(ITEMS);
        if (items == null || !items.isArray()) {
            throw invalid("\"Items\" must be an array of rows");
        }
        if (items.isEmpty() || items.size() > maxItems) {
            throw invalid("\"Items\" holds " + items.size() + " rows; send 1 to " + maxItems
                    + " (ItemBatcher's MaxItemsPerBatch at most anomaly.max-records)");
        }
        BatchOptions options = BatchOptions.of(root.get(BATCH_INPUT));
        String idColumn = options.idColumn() != null ? options.idColumn() : modelIdColumn;
        checkColumns(idColumn, options);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                throw new InvalidRecordsException("every item must be a row: an object keyed by the CSV header",
                        List.of(new RecordError(i, null, "not an object")), 1);
            }
        }
        RecordValidator validator = new RecordValidator(features, preprocessor, idColumn, options.ignoreColumns(),
                true);
        try {
            return validator.request(items, options.explain());
        } catch (InvalidRecordsException e) {
            throw new InvalidRecordsException(e.total() + " invalid value(s) in \"Items\" (record = the item's"
                    + " index in this batch)" + (e.total() > e.errors().size()
                            ? "; the first " + e.errors().size() + " are listed" : ""), e.errors(), e.total());
        }
    }

    /** The id column and the skipped columns must not take a feature away from the model. */
    private void checkColumns(String idColumn, BatchOptions options) {
        if (idColumn != null && features.contains(idColumn)) {
            throw invalid("\"BatchInput.idColumn\" names " + EchoedName.quoted(idColumn)
                    + ", a feature of this model; name a column that is not a feature");
        }
        for (String name : options.ignoreColumns()) {
            if (features.contains(name)) {
                throw invalid("\"BatchInput.ignoreColumns\" names " + EchoedName.quoted(name)
                        + ", a feature of this model; every feature must be scored");
            }
        }
    }

    private static InvalidRecordsException invalid(String detail) {
        return new InvalidRecordsException(detail, List.of(), 0);
    }
}
