package io.anomalyscore.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a time-ordered CSV: the channels and label as {@link CsvDataReader} reads them (same strict
 * errors), and the optional timestamp column, which must increase strictly from line to line and,
 * with a largest gap, never jump further; every problem names file, line and column.
 */
public final class SeriesReader {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final String labelColumn;
    private final List<String> features;
    private final String timeColumn;
    private final Double maxGapSeconds;

    /**
     * @param labelColumn 0/1 label column, or {@code null}
     * @param features channel columns in order, or empty for every column but the label and the time
     * @param timeColumn timestamp column, or {@code null}
     * @param maxGapSeconds largest step between consecutive timestamps allowed, or {@code null}
     */
    public SeriesReader(String labelColumn, List<String> features, String timeColumn, Double maxGapSeconds) {
        this.labelColumn = labelColumn;
        this.features = List.copyOf(features);
        this.timeColumn = timeColumn;
        this.maxGapSeconds = maxGapSeconds;
    }

    /** Reads all of {@code in}, naming {@code source} in errors. */
    public SeriesData read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readAllBytes();
        List<String> header = header(bytes, source);
        int timeIndex = timeColumn == null ? -1 : header.indexOf(timeColumn);
        if (timeColumn != null && timeIndex < 0) {
            throw new CsvFormatException(source, 1, 0, "time column '" + timeColumn + "' not found; columns are "
                    + header);
        }
        List<String> channels = features;
        if (channels.isEmpty()) {
            channels = header.stream().filter(c -> !c.equals(labelColumn) && !c.equals(timeColumn)).toList();
        } else if (timeColumn != null && channels.contains(timeColumn)) {
            throw new CsvFormatException(source, 1, timeIndex + 1, "'" + timeColumn
                    + "' is the time column, not a channel");
        }
        TabularData table = new CsvDataReader(labelColumn, channels, false)
                .read(new ByteArrayInputStream(bytes), source);
        double[] times = timeIndex < 0 ? null : times(bytes, source, timeIndex);
        return new SeriesData(table, timeColumn, times);
    }

    private static List<String> header(byte[] bytes, String source) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(reader(bytes), source);
        List<String> header = csv.next();
        if (header == null) {
            throw new CsvFormatException(source, 1, 0, "file is empty (expected a header line)");
        }
        return header.stream().map(String::strip).map(h -> h.replace("\uFEFF", "")).toList();
    }

    private double[] times(byte[] bytes, String source, int column) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(reader(bytes), source);
        csv.next();
        List<Double> times = new ArrayList<>();
        for (List<String> cells; (cells = csv.next()) != null; ) {
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            long line = csv.rowLine();
            double t = parse(cells.get(column).strip(), source, line, column + 1);
            if (!times.isEmpty()) {
                double step = t - times.get(times.size() - 1);
                if (!(step > 0)) {
                    throw new CsvFormatException(source, line, column + 1, "timestamp does not increase (the previous"
                            + " line's is " + (step == 0 ? "the same" : "later") + "); rows must be in time order");
                }
                if (maxGapSeconds != null && step > maxGapSeconds) {
                    throw new CsvFormatException(source, line, column + 1, "gap of " + step + " s before this row,"
                            + " more than --max-gap " + maxGapSeconds + " s");
                }
            }
            times.add(t);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Seconds since the epoch: a number, an ISO date-time (with or without offset) or {@code yyyy-MM-dd HH:mm:ss}. */
    static double parse(String text, String source, long line, int column) {
        try {
            if (text.matches("[+-]?\\d+(\\.\\d+)?")) {
                return Double.parseDouble(text);
            }
            if (text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))) {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli() / 1000.0;
            }
            LocalDateTime local = text.contains("T") ? LocalDateTime.parse(text) : LocalDateTime.parse(text, SPACED);
            return local.toInstant(ZoneOffset.UTC).toEpochMilli() / 1000.0;
        } catch (DateTimeParseException e) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
            throw new CsvFormatException(source, line, column, "not a timestamp: '" + shown
                    + "' (expected seconds, ISO-8601 or yyyy-MM-dd HH:mm:ss)");
        }
    }

    private static java.io.Reader reader(byte[] bytes) {
        return new java.io.PushbackReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8), 1);
    }
}
