package io.anomalyscore.training;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV into rows of cells: commas, double quotes with {@code ""} escapes,
 * LF or CRLF line ends. Tracks the physical line each row starts on for error messages.
 */
final class CsvTokenizer {

    /** Longest cell accepted, so a corrupt file cannot exhaust memory through one field. */
    static final int MAX_CELL_CHARS = 1 << 16;

    private final Reader in;
    private final String source;
    private long line = 1;
    private long rowLine;
    private int pushedBack = -2;

    CsvTokenizer(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The physical line being read. */
    long line() {
        return line;
    }

    /** The line the last returned row started on. */
    long rowLine() {
        return rowLine;
    }

    /** The next row, or {@code null} at end of input. Blank lines come back as one empty cell. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        rowLine = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(source, rowLine, cells.size() + 1, "unterminated quoted field");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append(cell, '"', cells.size());
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(cell, (char) c, cells.size());
                }
            } else if (c == ',' ) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                cells.add(cell.toString());
                return cells;
            } else if (c == '"') {
                if (cell.length() > 0 || wasQuoted) {
                    throw new CsvFormatException(source, rowLine, cells.size() + 1, "unexpected quote inside a field");
                }
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted) {
                    throw new CsvFormatException(source, rowLine, cells.size() + 1, "text after a closing quote");
                }
                append(cell, (char) c, cells.size());
            }
            c = read();
        }
    }

    private void append(StringBuilder cell, char c, int index) {
        if (cell.length() >= MAX_CELL_CHARS) {
            throw new CsvFormatException(source, rowLine, index + 1,
                    "field longer than " + MAX_CELL_CHARS + " characters");
        }
        cell.append(c);
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
