package io.anomalyscore.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;

/**
 * A validated scoring request.
 *
 * @param rows raw values in the model's feature order (NaN = missing, only with an imputer)
 * @param explain the body's {@code explain} flag, or {@code null} when absent
 * @param ids per record, the value of the model's id column as sent (a string or number), or
 *     {@code null} when the record carries none
 */
public record ScoreRequest(double[][] rows, Boolean explain, List<JsonNode> ids) {

    /** A request whose records carry no ids. */
    public ScoreRequest(double[][] rows, Boolean explain) {
        this(rows, explain, Collections.nCopies(rows.length, null));
    }
}
