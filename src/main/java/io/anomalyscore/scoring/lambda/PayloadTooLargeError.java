package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type payload-too-large: over anomaly.max-body-bytes or the event limit. */
public final class PayloadTooLargeError extends DirectInvocationError {

    PayloadTooLargeError(String problemJson) {
        super(problemJson);
    }
}
