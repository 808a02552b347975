package io.anomalyscore.scoring;

/** A request body larger than {@code anomaly.max-body-bytes}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    /** The one wording of this problem, for a body over {@code maxBodyBytes}. */
    public static String detail(long maxBodyBytes) {
        return "the body exceeds " + maxBodyBytes + " bytes";
    }
}
