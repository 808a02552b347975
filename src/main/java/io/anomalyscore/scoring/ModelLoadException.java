package io.anomalyscore.scoring;

/** The model named by {@code anomaly.model.uri} cannot be served; the message names the URI and why. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
