package io.anomalyscore.scoring;

import java.net.URI;

/** The stable set of problem types the API returns, as RFC 9457 {@code type} URIs. */
public enum ProblemType {
    INVALID_RECORDS("invalid-records", "Invalid records", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    BAD_REQUEST("bad-request", "Bad request", 400),
    INTERNAL("internal", "Internal error", 500);

    /** Common prefix of every problem type URI. */
    public static final String BASE = "https://anomalyscore.io/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** The last path segment of the type URI, e.g. {@code invalid-records}. */
    public String slug() {
        return slug;
    }

    /** The type URI. */
    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The short human-readable summary. */
    public String title() {
        return title;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The type for an HTTP status without a more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != INVALID_RECORDS && t != MALFORMED_JSON) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }

    /** The type named by {@code uri}, or {@link #INTERNAL} for an unknown one. */
    public static ProblemType ofUri(String uri) {
        for (ProblemType t : values()) {
            if ((BASE + t.slug).equals(uri)) {
                return t;
            }
        }
        return INTERNAL;
    }
}
