package io.anomalyscore.scoring;

import java.util.regex.Pattern;

/**
 * Reads a number written as text, as Step Functions' CSV reader hands every cell over: the decimal
 * grammar the training command's CSV reader accepts (optional sign, digits with an optional
 * fraction, optional exponent, surrounding blanks ignored), and nothing else: no {@code NaN},
 * {@code Infinity}, hexadecimal or Java suffixes such as {@code 1d}, which {@link
 * Double#parseDouble} would take. An empty cell is a missing value.
 */
final class NumericText {

    /** Longest number text accepted, as for JSON numbers ({@link RecordParser#MAX_NUMBER_LENGTH}). */
    static final int MAX_LENGTH = RecordParser.MAX_NUMBER_LENGTH;

    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");

    /** What a cell holds. */
    enum Kind { NUMBER, EMPTY, NOT_A_NUMBER, TOO_LONG, OVERFLOW }

    /** A read cell: its kind and, for {@link Kind#NUMBER}, its value (NaN otherwise). */
    record Cell(Kind kind, double value) {}

    private NumericText() {}

    static Cell read(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new Cell(Kind.EMPTY, Double.NaN);
        }
        if (t.length() > MAX_LENGTH) {
            return new Cell(Kind.TOO_LONG, Double.NaN);
        }
        if (!NUMBER.matcher(t).matches()) {
            return new Cell(Kind.NOT_A_NUMBER, Double.NaN);
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? new Cell(Kind.NUMBER, v) : new Cell(Kind.OVERFLOW, Double.NaN);
    }
}
