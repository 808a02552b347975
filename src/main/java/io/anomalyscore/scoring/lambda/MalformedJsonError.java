package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type malformed-json: the payload is not valid JSON. */
public final class MalformedJsonError extends DirectInvocationError {

    MalformedJsonError(String problemJson) {
        super(problemJson);
    }
}
