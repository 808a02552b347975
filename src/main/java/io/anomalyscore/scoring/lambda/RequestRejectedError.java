package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type any other client error of the scoring API. */
public final class RequestRejectedError extends DirectInvocationError {

    RequestRejectedError(String problemJson) {
        super(problemJson);
    }
}
