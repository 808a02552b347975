package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type payload-too-large: the payload exceeds anomaly.max-body-bytes. */
public final class PayloadTooLargeError extends DirectInvocationError {

    PayloadTooLargeError(String problemJson) {
        super(problemJson);
    }
}
