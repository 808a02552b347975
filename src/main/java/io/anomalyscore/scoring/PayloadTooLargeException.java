package io.anomalyscore.scoring;

/** A request body larger than {@code anomaly.max-body-bytes}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
