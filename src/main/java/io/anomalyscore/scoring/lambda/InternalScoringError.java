package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type internal: scoring failed for a reason on the function's side. */
public final class InternalScoringError extends DirectInvocationError {

    InternalScoringError(String problemJson) {
        super(problemJson);
    }
}
