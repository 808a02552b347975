package io.anomalyscore.scoring;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Explicit stream limits on Quarkus's shared {@link ObjectMapper}. Scoring bodies are parsed by
 * {@link RecordParser} with its own, tighter limits; this mapper (copied by the Lambda runtime)
 * parses the Lambda events themselves, including direct-invocation payloads, so its limits are
 * set here rather than left to Jackson's defaults.
 */
@Singleton
public class JsonLimitsCustomizer implements ObjectMapperCustomizer {

    /** Deepest nesting of a Lambda event; an API Gateway v2 event needs 4, a direct payload 3. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest number token; RecordParser then allows 100 for record values. */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /** Longest string value: the event's {@code body} holds the whole request (Lambda caps payloads at 6 MB). */
    public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;
    /** Longest field name (header names, event keys, feature names of direct payloads). */
    public static final int MAX_NAME_LENGTH = 10_000;
    /** Largest event document, above Lambda's 6 MB synchronous payload limit. */
    public static final long MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;

    /** The limits applied. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build();
    }

    /**
     * Whether {@code e} is a size limit (document or string length), i.e. a payload too large, as
     * opposed to a malformed one (nesting, number or name length). Jackson has one exception type
     * for all limits; its message names the limit's getter, e.g. {@code getMaxDocumentLength}.
     */
    public static boolean isSizeLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return message.contains("getMaxDocumentLength") || message.contains("getMaxStringLength");
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
    }
}
