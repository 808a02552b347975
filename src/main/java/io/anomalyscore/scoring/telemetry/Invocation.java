package io.anomalyscore.scoring.telemetry;

/**
 * What one scoring request did, in counts and time only: never a submitted value, name or id.
 *
 * @param requestId the Lambda request id, or {@code null} outside Lambda (dev mode)
 * @param modelName the served model's name
 * @param modelVersion the served model's version (its content hash)
 * @param detector the served model's detector kind
 * @param outcome {@link Outcome#SCORED}, {@link Outcome#REJECTED} (a 4xx problem) or {@link Outcome#FAILED} (a 5xx)
 * @param records results returned (records, or steps of a series); 0 unless scored
 * @param anomalies results flagged anomalous; 0 unless scored
 * @param durationMillis time from the resource's entry to the scored response (or the failure), in ms
 * @param epochMillis when the request finished, in ms since the epoch
 */
public record Invocation(String requestId, String modelName, String modelVersion, String detector, Outcome outcome,
        int records, int anomalies, double durationMillis, long epochMillis) {

    /** How a request ended. */
    public enum Outcome {
        SCORED, REJECTED, FAILED;

        /** The lower-case word written to the logs. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
