package io.anomalyscore.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One violation in a scoring request.
 *
 * @param record zero-based index of the record, or {@code null} for the request as a whole
 * @param feature the feature concerned (a submitted unknown name as {@link EchoedName} writes it), or
 *     {@code null}
 * @param message what is wrong; never echoes the submitted value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordError(Integer record, String feature, String message) {}
