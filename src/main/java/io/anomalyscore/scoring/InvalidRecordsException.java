package io.anomalyscore.scoring;

import java.util.List;

/** A scoring request whose records violate the model's schema; carries every violation found. */
public class InvalidRecordsException extends RuntimeException {

    private final List<RecordError> errors;
    private final int total;

    /**
     * @param detail summary of the problem
     * @param errors the violations, already capped
     * @param total number of violations found, before capping
     */
    public InvalidRecordsException(String detail, List<RecordError> errors, int total) {
        super(detail);
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    /** The reported violations. */
    public List<RecordError> errors() {
        return errors;
    }

    /** How many violations were found in total. */
    public int total() {
        return total;
    }
}
