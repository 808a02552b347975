package io.anomalyscore.storage;

/** An artifact or data location that cannot be read or written, with the location named. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
