package io.anomalyscore.bench.sequences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options of bench/sequences: {@code --data DIR --out FILE.json [--scores-dir DIR2] [--detectors a,b] [--epochs N] [--only nab|skab] [--hidden W,C|select] [--keep-weights best|last]}. */
final class BenchArgs {

    private static final List<String> KNOWN = List.of("--data", "--out", "--scores-dir", "--detectors", "--epochs", "--only",
            "--hidden", "--keep-weights");

    private BenchArgs() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!KNOWN.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench/sequences --data DIR --out FILE.json"
                        + " [--scores-dir DIR2] [--detectors a,b] [--epochs N] [--only nab|skab] [--hidden W,C|select] [--keep-weights best|last]; bad option "
                        + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--data") || !options.containsKey("--out")) {
            throw new IllegalArgumentException("bench/sequences needs --data DIR and --out FILE.json");
        }
        String only = options.get("--only");
        if (only != null && !List.of("nab", "skab").contains(only)) {
            throw new IllegalArgumentException("--only takes nab or skab, not " + only);
        }
        return options;
    }
}
