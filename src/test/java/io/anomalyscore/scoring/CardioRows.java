package io.anomalyscore.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows of the cardio test data set (21 features f0..f20, the default model's schema). */
final class CardioRows {

    static final Path CSV = Path.of("src/test/resources/data/cardio.csv");
    static final Path DEFAULT_MODEL = Path.of("src/main/resources/default-model");

    private CardioRows() {}

    /** The first {@code n} rows, features only, in column order. */
    static double[][] first(int n) {
        try {
            List<String> lines = Files.readAllLines(CSV);
            return lines.stream().skip(1).limit(n)
                    .map(l -> Arrays.stream(l.split(",")).limit(21).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row, features only. */
    static double[][] all() {
        return first(Integer.MAX_VALUE);
    }

    /** One row as a record keyed by feature name. */
    static Map<String, Object> byName(double[] row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int j = 0; j < row.length; j++) {
            record.put("f" + j, row[j]);
        }
        return record;
    }

    /** A body of records keyed by name. */
    static Map<String, Object> bodyByName(double[]... rows) {
        return Map.of("records", Arrays.stream(rows).map(CardioRows::byName).collect(Collectors.toList()));
    }

    /** A body of array records. */
    static Map<String, Object> bodyByPosition(double[]... rows) {
        return Map.of("records", Arrays.asList(rows));
    }
}
