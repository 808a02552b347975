package io.anomalyscore.model.detector;

/**
 * What one input of a detector is: a single record of {@code width} features, or a window of
 * {@code length} consecutive records of {@code width} channels, flattened oldest first.
 *
 * @param kind record or window
 * @param length records per input (1 for a record)
 * @param width features (channels) per record
 */
public record InputShape(Kind kind, int length, int width) {

    /** The two input kinds. */
    public enum Kind {
        /** One tabular record. */
        RECORD,
        /** A window of consecutive records of a time series. */
        WINDOW
    }

    public InputShape {
        if (length < 1 || width < 1 || (kind == Kind.RECORD && length != 1)) {
            throw new IllegalArgumentException("invalid input shape " + kind + " " + length + " x " + width);
        }
    }

    /** One record of {@code width} features. */
    public static InputShape record(int width) {
        return new InputShape(Kind.RECORD, 1, width);
    }

    /** A window of {@code length} consecutive steps of {@code width} channels. */
    public static InputShape window(int length, int width) {
        return new InputShape(Kind.WINDOW, length, width);
    }

    /** Floats in one flattened input. */
    public int size() {
        return length * width;
    }
}
