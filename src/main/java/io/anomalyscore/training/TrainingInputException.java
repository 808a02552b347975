package io.anomalyscore.training;

/** Training cannot start because of its input or options (exit code 2); nothing is written. */
public class TrainingInputException extends RuntimeException {

    public TrainingInputException(String message) {
        super(message);
    }

    public TrainingInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
