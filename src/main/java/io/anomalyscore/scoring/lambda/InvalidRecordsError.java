package io.anomalyscore.scoring.lambda;

/** Direct invocation failed with problem type invalid-records: the records violate the model's schema. */
public final class InvalidRecordsError extends DirectInvocationError {

    InvalidRecordsError(String problemJson) {
        super(problemJson);
    }
}
