package io.anomalyscore.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One violation in a scoring request.
 *
 * @param record zero-based index of the record (of the item, in a Distributed Map batch), or {@code
 *     null} for the request as a whole
 * @param id the record's id as {@link EchoedName} writes it, when the record carries a valid one, so a
 *     caller can find the row without counting; or {@code null}
 * @param feature the feature concerned (a submitted unknown name as {@link EchoedName} writes it), or
 *     {@code null}
 * @param message what is wrong; never echoes the submitted value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordError(Integer record, String id, String feature, String message) {

    /** A violation of a record without id. */
    public RecordError(Integer record, String feature, String message) {
        this(record, null, feature, message);
    }
}
