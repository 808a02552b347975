package io.anomalyscore.scoring;

/** A request body that is not well-formed JSON within the parser's limits. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
