package io.anomalyscore.model;

/** An artifact that cannot be trusted: wrong format version, bad checksum, missing or odd files. */
public class ArtifactFormatException extends RuntimeException {

    public ArtifactFormatException(String message) {
        super(message);
    }

    public ArtifactFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
