package io.anomalyscore.training;

/** Bad training input, located: file, line and (where it applies) column. */
public class CsvFormatException extends TrainingInputException {

    private final String source;
    private final long line;
    private final int column;

    /**
     * @param source file path or URI
     * @param line 1-based line number (the header is line 1), or 0 for the whole file
     * @param column 1-based column number, or 0 for the whole line
     * @param problem what is wrong
     */
    public CsvFormatException(String source, long line, int column, String problem) {
        super(locate(source, line, column) + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String locate(String source, long line, int column) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
        }
        return sb.toString();
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
