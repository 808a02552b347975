package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.Preprocessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses the body of a request to a window model, {@code {"series": [...], "explain": true}}:
 * the steps oldest first, each an array in channel order or an object by channel name, at least a
 * window's worth and at most {@code anomaly.max-series-rows}. Values are checked as records are
 * ({@link RecordValidator}); in an error, {@code record} is the step's 0-based index and {@code
 * feature} the channel.
 */
final class SeriesParser {

    private static final String SERIES = "series";
    private static final String EXPLAIN = "explain";

    private final RecordParser json;
    private final RecordValidator validator;
    private final int window;
    private final int maxRows;

    /**
     * @param json parses bytes into a tree with the request limits
     * @param channels the model's channels, in input order
     * @param window steps per window: the fewest a request may send
     * @param maxRows most steps per request
     */
    SeriesParser(RecordParser json, List<String> channels, Preprocessor preprocessor, int window, int maxRows) {
        this.json = json;
        this.validator = new RecordValidator(channels, preprocessor, null);
        this.window = window;
        this.maxRows = maxRows;
    }

    /**
     * The validated request in {@code body}.
     *
     * @throws MalformedJsonException if it is not JSON within the limits
     * @throws InvalidRecordsException naming step and channel of every invalid value
     */
    ScoreRequest parse(byte[] body) {
        JsonNode root = json.readTree(body);
        if (!root.isObject()) {
            throw invalid("the body must be a JSON object with a \"series\" array");
        }
        Boolean explain = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case EXPLAIN -> {
                    if (!field.getValue().isBoolean()) {
                        throw invalid("\"explain\" must be true or false");
                    }
                    explain = field.getValue().booleanValue();
                }
                case SERIES -> { }
                case "records" -> throw invalid("this model scores windows of a series: send {\"series\": [...]}"
                        + " with at least " + window + " steps, oldest first");
                default -> throw invalid("unknown field " + EchoedName.quoted(field.getKey())
                        + "; the body holds \"series\" and optionally \"explain\"");
            }
        }
        JsonNode series = root.get(SERIES);
        if (series == null || !series.isArray()) {
            throw invalid("\"series\" must be an array of steps, oldest first");
        }
        if (series.size() < window || series.size() > maxRows) {
            throw invalid("\"series\" holds " + series.size() + " steps; send " + window + " (the window) to "
                    + maxRows);
        }
        return new ScoreRequest(rows(series), explain);
    }

    private double[][] rows(JsonNode series) {
        try {
            return validator.request(series, null).rows();
        } catch (InvalidRecordsException e) {
            List<RecordError> errors = new ArrayList<>(e.errors());
            throw new InvalidRecordsException(e.total() + " invalid value(s) in \"series\" (record = step, feature"
                    + " = channel)" + (e.total() > errors.size() ? "; the first " + errors.size() + " are listed" : ""),
                    errors, e.total());
        }
    }

    private static InvalidRecordsException invalid(String detail) {
        return new InvalidRecordsException(detail, List.of(), 0);
    }
}
