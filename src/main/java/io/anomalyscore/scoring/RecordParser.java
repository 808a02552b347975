package io.anomalyscore.scoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.anomalyscore.model.Preprocessor;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses a scoring request body from bytes and checks it against the model's features, naming the
 * record index and feature of every violation.
 *
 * <p>It uses its own JSON factory with tight stream limits, so its limits do not depend on (or
 * change) the application's shared mapper. Non-numeric number tokens ({@code NaN}, {@code
 * Infinity}) stay disabled, so they are malformed JSON.
 */
public final class RecordParser {

    /** Deepest JSON nesting accepted; a valid body needs 3 levels. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest number token, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Longest field name (feature names), in characters; Jackson checks names separately from values. */
    public static final int MAX_NAME_LENGTH = 1_000;

    private static final String RECORDS = "records";
    private static final String EXPLAIN = "explain";

    private final ObjectMapper json;
    private final int maxRecords;
    private final RecordValidator validator;

    /**
     * @param features the model's features, in input order
     * @param preprocessor the model's preprocessing, to reject values it cannot represent
     * @param maxRecords most records per request
     * @param maxBodyBytes largest body, also the parser's document length limit
     */
    public RecordParser(List<String> features, Preprocessor preprocessor, int maxRecords, int maxBodyBytes) {
        this(features, preprocessor, null, maxRecords, maxBodyBytes);
    }

    /**
     * @param features the model's features, in input order
     * @param preprocessor the model's preprocessing, to reject values it cannot represent
     * @param idColumn the model's id column, which record objects may carry, or {@code null}
     * @param maxRecords most records per request
     * @param maxBodyBytes largest body, also the parser's document length limit
     */
    public RecordParser(List<String> features, Preprocessor preprocessor, String idColumn, int maxRecords,
            int maxBodyBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(maxBodyBytes)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        this.maxRecords = maxRecords;
        this.validator = new RecordValidator(features, preprocessor, idColumn);
    }

    /**
     * Parses and validates {@code body}.
     *
     * @throws MalformedJsonException if it is not JSON within the limits
     * @throws InvalidRecordsException if it is JSON but not a valid request for this model
     */
    public ScoreRequest parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid("the body must be a JSON object with a \"records\" array");
        }
        Boolean explain = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(EXPLAIN)) {
                if (!field.getValue().isBoolean()) {
                    throw invalid("\"explain\" must be true or false");
                }
                explain = field.getValue().booleanValue();
            } else if (field.getKey().equals("series")) {
                throw invalid("this model scores single records: send {\"records\": [...]}; \"series\" is for"
                        + " models of a window detector");
            } else if (!field.getKey().equals(RECORDS)) {
                throw invalid("unknown field " + EchoedName.quoted(field.getKey())
                        + "; the body holds \"records\" and optionally \"explain\"");
            }
        }
        JsonNode records = root.get(RECORDS);
        if (records == null || !records.isArray()) {
            throw invalid("\"records\" must be an array of records");
        }
        if (records.isEmpty() || records.size() > maxRecords) {
            throw invalid("\"records\" holds " + records.size() + " records; send 1 to " + maxRecords);
        }
        return validator.request(records, explain);
    }

    /**
     * The JSON tree of {@code body} within this parser's limits.
     *
     * @throws MalformedJsonException if it is not JSON within the limits
     */
    JsonNode readTree(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedJsonException("the body is empty");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException("the body exceeds a JSON parser limit (nesting depth "
                    + MAX_NESTING_DEPTH + ", number length " + MAX_NUMBER_LENGTH + ", string length "
                    + MAX_STRING_LENGTH + ", field name length " + MAX_NAME_LENGTH + " characters)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedJsonException("the body is not valid JSON" + where
                    + " (NaN and Infinity are not JSON numbers)");
        } catch (IOException e) {
            throw new MalformedJsonException("the body cannot be read");
        }
    }

    private static InvalidRecordsException invalid(String detail) {
        return new InvalidRecordsException(detail, List.of(), 0);
    }
}
