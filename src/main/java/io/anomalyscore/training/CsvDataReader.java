package io.anomalyscore.training;

import io.anomalyscore.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a header-first numeric CSV into {@link TabularData}, strictly: every problem is reported
 * with file, line and column, and no value is guessed.
 */
public final class CsvDataReader {

    /** A decimal number; possessive quantifiers so a long non-number fails in linear time. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");
    /** Longest number text accepted; doubles need at most ~25 characters. */
    static final int MAX_NUMBER_CHARS = 100;
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String labelColumn;
    private final List<String> selectedFeatures;
    private final boolean allowMissing;
    private final List<String> excluded;
    private final String idColumn;

    /**
     * @param labelColumn name of the 0/1 label column, or {@code null}
     * @param selectedFeatures feature columns to use in this order, or empty for all non-label columns
     * @param allowMissing whether empty cells are kept as NaN (for imputation) instead of rejected
     */
    public CsvDataReader(String labelColumn, List<String> selectedFeatures, boolean allowMissing) {
        this(labelColumn, selectedFeatures, allowMissing, List.of(), null);
    }

    private CsvDataReader(String labelColumn, List<String> selectedFeatures, boolean allowMissing,
            List<String> excluded, String idColumn) {
        this.labelColumn = labelColumn;
        this.selectedFeatures = List.copyOf(selectedFeatures);
        this.allowMissing = allowMissing;
        this.excluded = List.copyOf(excluded);
        this.idColumn = idColumn;
    }

    /**
     * A reader that never takes {@code excludedColumns} or {@code id} (when not {@code null}) as
     * features; each must be a column of the header.
     */
    public CsvDataReader excluding(List<String> excludedColumns, String id) {
        return new CsvDataReader(labelColumn, selectedFeatures, allowMissing, excludedColumns, id);
    }

    /** Reads all of {@code in}, naming {@code source} in errors; closes nothing. */
    public TabularData read(InputStream in, String source) throws IOException {
        MessageDigest digest = Sha256.digest();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(
                new InputStreamReader(new DigestInputStream(in, digest), decoder), 1);
        CsvTokenizer csv = new CsvTokenizer(reader, source);
        try {
            skipBom(reader);
            List<String> header = csv.next();
            if (header == null) {
                throw new CsvFormatException(source, 1, 0, "file is empty (expected a header line)");
            }
            Columns columns = columns(header, source);
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (List<String> cells; (cells = csv.next()) != null; ) {
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                long line = csv.rowLine();
                if (cells.size() != header.size()) {
                    throw new CsvFormatException(source, line, 0, "row has " + cells.size()
                            + " fields, the header has " + header.size());
                }
                rows.add(values(cells, columns, header, source, line));
                if (columns.label >= 0) {
                    labels.add(label(cells.get(columns.label), source, line, columns.label + 1));
                }
            }
            if (rows.isEmpty()) {
                throw new CsvFormatException(source, csv.rowLine() + 1, 0, "file has a header but no data rows");
            }
            while (reader.read() != -1) {
                // drain so the digest covers the whole file
            }
            int[] labelArray = columns.label >= 0 ? labels.stream().mapToInt(Integer::intValue).toArray() : null;
            return new TabularData(source, HexFormat.of().formatHex(digest.digest()), columns.names,
                    rows.toArray(double[][]::new), labelArray);
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(source, Math.max(1, csv.line()), 0, "file is not valid UTF-8 text");
        }
    }

    private static void skipBom(PushbackReader reader) throws IOException {
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
    }

    private record Columns(List<String> names, int[] indexes, int label) {}

    private Columns columns(List<String> header, String source) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                throw new CsvFormatException(source, 1, i + 1, "empty column name");
            }
            Integer previous = byName.putIfAbsent(name, i);
            if (previous != null) {
                throw new CsvFormatException(source, 1, i + 1, "duplicate column name '" + name
                        + "' (also column " + (previous + 1) + ")");
            }
        }
        int label = -1;
        if (labelColumn != null) {
            Integer index = byName.get(labelColumn);
            if (index == null) {
                throw new CsvFormatException(source, 1, 0, "label column '" + labelColumn
                        + "' not found; columns are " + header);
            }
            label = index;
        }
        List<String> skipped = skippedColumns(byName, header, source);
        List<String> names = new ArrayList<>();
        if (selectedFeatures.isEmpty()) {
            for (int i = 0; i < header.size(); i++) {
                if (i != label && !skipped.contains(header.get(i).strip())) {
                    names.add(header.get(i).strip());
                }
            }
        } else {
            for (String feature : selectedFeatures) {
                Integer index = byName.get(feature);
                if (index == null || index == label || skipped.contains(feature)) {
                    throw new CsvFormatException(source, 1, 0, "feature column '" + feature + "' "
                            + (index == null ? "not found; columns are " + header
                            : index == label ? "is the label column" : "is excluded (--exclude or --id)"));
                }
                names.add(feature);
            }
        }
        if (names.isEmpty()) {
            throw new CsvFormatException(source, 1, 0, "no feature columns");
        }
        int[] indexes = names.stream().mapToInt(byName::get).toArray();
        return new Columns(List.copyOf(names), indexes, label);
    }

    /** The excluded and id columns, each checked against the header. */
    private List<String> skippedColumns(Map<String, Integer> byName, List<String> header, String source) {
        List<String> skipped = new ArrayList<>(excluded);
        if (idColumn != null) {
            skipped.add(idColumn);
        }
        for (String column : skipped) {
            if (!byName.containsKey(column)) {
                throw new CsvFormatException(source, 1, 0, (column.equals(idColumn) ? "id" : "excluded")
                        + " column '" + column + "' not found; columns are " + header);
            }
        }
        return skipped;
    }

    private double[] values(List<String> cells, Columns columns, List<String> header, String source, long line) {
        double[] row = new double[columns.indexes.length];
        for (int j = 0; j < row.length; j++) {
            int col = columns.indexes[j];
            row[j] = number(cells.get(col).strip(), header.get(col).strip(), source, line, col + 1);
        }
        return row;
    }

    private double number(String text, String column, String source, long line, int col) {
        if (text.isEmpty()) {
            if (allowMissing) {
                return Double.NaN;
            }
            throw new CsvFormatException(source, line, col, "missing value in column '" + column
                    + "' (use --impute median to fill missing values)");
        }
        if (text.length() > MAX_NUMBER_CHARS) {
            throw new CsvFormatException(source, line, col, "value longer than " + MAX_NUMBER_CHARS
                    + " characters in column '" + column + "'");
        }
        if (NON_FINITE.matcher(text).matches()) {
            throw new CsvFormatException(source, line, col, "non-finite value '" + text + "' in column '"
                    + column + "'");
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new CsvFormatException(source, line, col, "not a number: '" + abbreviate(text)
                    + "' in column '" + column + "'; features must be numeric: if '" + column
                    + "' is an identifier or text, leave it out with --exclude " + column + " (or --id "
                    + column + " to have scoring echo it)");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new CsvFormatException(source, line, col, "value out of range: '" + abbreviate(text)
                    + "' in column '" + column + "'");
        }
        return value;
    }

    private int label(String text, String source, long line, int col) {
        String t = text.strip();
        if (NUMBER.matcher(t).matches()) {
            double v = Double.parseDouble(t);
            if (v == 0.0) {
                return 0;
            }
            if (v == 1.0) {
                return 1;
            }
        }
        throw new CsvFormatException(source, line, col, "label must be 0 or 1, found '" + abbreviate(t) + "'");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
