package io.anomalyscore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.detector.autoencoder.AutoencoderKind;
import io.anomalyscore.model.detector.classifier.ClassifierKind;
import io.anomalyscore.model.detector.isolation.DeepIsolationForestKind;
import io.anomalyscore.model.detector.network.MlpConfig;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.training.CsvDataReader;
import io.anomalyscore.training.DataSplit;
import io.anomalyscore.training.DetectorEvaluator;
import io.anomalyscore.training.TabularData;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Detection-quality bench (issue 5): runs every labelled CSV of a folder through the training
 * command and the serving model, in one JVM, under three protocols.
 *
 * <ul>
 *   <li>{@code unsupervised}: the autoencoder and the deep isolation forest are trained with no label
 *       column (the label is left out with {@code --features}), the command's default validation
 *       hold-out steers the autoencoder's early stopping (both fit the other 80 %), and the reloaded
 *       artifact scores every row; metrics use the labels kept aside.
 *   <li>{@code semi-supervised}: seeded, stratified 70/30 split ({@link DataSplit}); the 70 % is
 *       written to a CSV and trained with {@code --label --test-fraction 0} (the command then fits on
 *       the normal rows of its own 80 % and early-stops and thresholds on its 20 %; the bench's 30 %
 *       is the test split); the reloaded artifact scores the 30 %. The deep isolation forest runs
 *       the same way with {@code --detector deep-isolation-forest}.
 *   <li>{@code supervised}: same split and CSV, {@code --detector classifier}.
 * </ul>
 *
 * <p>Everything else is the command's default. Writes {@code java-rows.json} (one object per run)
 * and {@code splits.json} (row indexes of every split, and each dataset's autoencoder layers) so
 * {@code bench/peers.py} runs its detectors on exactly the same rows. Run it with {@code
 * bench/quality}; it is not a test and never runs during {@code mvn verify}.
 */
public final class QualityBench {

    static final String UNSUPERVISED = "unsupervised";
    static final String SEMI = "semi-supervised";
    static final String SUPERVISED = "supervised";

    private final Path work;
    private final List<String> extraArgs;
    private final List<String> detectors;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityBench(Path work, List<String> extraArgs, List<String> detectors) {
        this.work = work;
        this.extraArgs = extraArgs;
        this.detectors = detectors;
    }

    /** One evaluated run. */
    record Row(String dataset, String protocol, String detector, long seed, Double roc_auc,
            Double average_precision, int epochs_run, int best_epoch, double seconds) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = parse(args);
        Path datasets = Path.of(a.getOrDefault("--datasets", "src/test/resources/data"));
        Path work = Path.of(a.getOrDefault("--work", "target/quality"));
        int unsupervisedSeeds = Integer.parseInt(a.getOrDefault("--seeds-unsupervised", "5"));
        int splitSeeds = Integer.parseInt(a.getOrDefault("--seeds-split", "3"));
        List<String> protocols = List.of(a.getOrDefault("--protocols", UNSUPERVISED + "," + SEMI + "," + SUPERVISED)
                .split(","));
        List<String> extra = a.containsKey("--epochs") ? List.of("--epochs", a.get("--epochs")) : List.of();
        Files.createDirectories(work);

        List<Path> csvs;
        try (Stream<Path> files = Files.list(datasets)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        if (csvs.isEmpty()) {
            throw new IllegalArgumentException("no .csv files in " + datasets);
        }
        List<String> detectors = List.of(a.getOrDefault("--detectors", String.join(",", AutoencoderKind.NAME,
                DeepIsolationForestKind.NAME, ClassifierKind.NAME)).split(","));
        QualityBench bench = new QualityBench(work, extra, detectors);
        List<Dataset> all = new ArrayList<>();
        for (Path csv : csvs) {
            all.add(Dataset.of(csv, protocols, unsupervisedSeeds, splitSeeds));
        }
        Map<String, Object> splits = new LinkedHashMap<>();
        all.forEach(d -> splits.put(d.name(), d.info()));
        bench.json.writeValue(work.resolve("splits.json").toFile(), splits);
        if (a.containsKey("--splits-only")) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Dataset d : all) {
            bench.run(d, protocols, rows);
            bench.json.writeValue(work.resolve("java-rows.json").toFile(), rows); // partial results survive a crash
        }
    }

    /** A labelled CSV, its seeds and its seeded 70/30 splits (computed once, shared with the peers). */
    private record Dataset(String name, Path csv, TabularData data, List<Long> unsupervisedSeeds,
            Map<Long, DataSplit> splits) {

        static Dataset of(Path csv, List<String> protocols, int unsupervisedSeeds, int splitSeeds)
                throws IOException {
            TabularData data = read(csv);
            List<Long> seeds = new ArrayList<>();
            for (long seed = 1; protocols.contains(UNSUPERVISED) && seed <= unsupervisedSeeds; seed++) {
                seeds.add(seed);
            }
            Map<Long, DataSplit> splits = new LinkedHashMap<>();
            boolean split = protocols.contains(SEMI) || protocols.contains(SUPERVISED);
            for (long seed = 1; split && seed <= splitSeeds; seed++) {
                splits.put(seed, DataSplit.of(data.size(), data.labels(), 0, 0.3, seed));
            }
            return new Dataset(QualityBench.name(csv), csv, data, seeds, splits);
        }

        /** The autoencoder layers the command picks by default for this feature count. */
        List<Integer> hidden() {
            return AutoencoderKind.defaultHidden(data.features().size());
        }

        Map<String, Object> info() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("file", csv.toAbsolutePath().toString());
            info.put("rows", data.size());
            info.put("features", data.features().size());
            info.put("anomalies", Arrays.stream(data.labels()).sum());
            info.put("hidden", hidden());
            info.put("unsupervised_seeds", unsupervisedSeeds);
            Map<String, Object> out = new LinkedHashMap<>();
            splits.forEach((seed, s) -> out.put(Long.toString(seed), Map.of("train", s.training(), "test",
                    s.test())));
            info.put("splits", out);
            return info;
        }
    }

    private void run(Dataset d, List<String> protocols, List<Row> out) throws IOException {
        TabularData data = d.data();
        String features = String.join(",", data.features());
        for (long seed : d.unsupervisedSeeds()) {
            // no --label: the label column is left out through --features and the command runs unsupervised
            if (detectors.contains(AutoencoderKind.NAME)) {
                Run run = train(d.name() + "-unsup-" + seed, d.csv(), seed, d.hidden(), "--features", features,
                        "--detector", AutoencoderKind.NAME);
                out.add(run.evaluate(d.name(), UNSUPERVISED, AutoencoderKind.NAME, seed, data.rows(),
                        data.labels()));
            }
            if (detectors.contains(DeepIsolationForestKind.NAME)) {
                Run forest = train(d.name() + "-unsup-dif-" + seed, d.csv(), seed, null, "--features", features,
                        "--detector", DeepIsolationForestKind.NAME);
                out.add(forest.evaluate(d.name(), UNSUPERVISED, DeepIsolationForestKind.NAME, seed, data.rows(),
                        data.labels()));
            }
        }
        for (Map.Entry<Long, DataSplit> e : d.splits().entrySet()) {
            long seed = e.getKey();
            DataSplit split = e.getValue();
            Path trainCsv = work.resolve(d.name() + "-train-" + seed + ".csv");
            writeCsv(trainCsv, data, split.training());
            double[][] testRows = DataSplit.select(data.rows(), split.test());
            int[] testLabels = DataSplit.select(data.labels(), split.test());
            if (protocols.contains(SEMI) && detectors.contains(AutoencoderKind.NAME)) {
                Run run = train(d.name() + "-semi-" + seed, trainCsv, seed, d.hidden(), "--label", "label",
                        "--test-fraction", "0");
                out.add(run.evaluate(d.name(), SEMI, AutoencoderKind.NAME, seed, testRows, testLabels));
            }
            if (protocols.contains(SEMI) && detectors.contains(DeepIsolationForestKind.NAME)) {
                Run forest = train(d.name() + "-semi-dif-" + seed, trainCsv, seed, null, "--label", "label",
                        "--test-fraction", "0", "--detector", DeepIsolationForestKind.NAME);
                out.add(forest.evaluate(d.name(), SEMI, DeepIsolationForestKind.NAME, seed, testRows, testLabels));
            }
            if (protocols.contains(SUPERVISED) && detectors.contains(ClassifierKind.NAME)) {
                Run run = train(d.name() + "-sup-" + seed, trainCsv, seed, ClassifierKind.HIDDEN,
                        "--label", "label", "--detector", "classifier", "--test-fraction", "0");
                out.add(run.evaluate(d.name(), SUPERVISED, "classifier", seed, testRows, testLabels));
            }
            Files.delete(trainCsv);
        }
    }

    /** A published artifact and what it took to train. */
    private record Run(Path artifact, ArtifactManifest manifest, double seconds) {

        /** Scores {@code rows} with the reloaded artifact, then deletes the model repository. */
        Row evaluate(String dataset, String protocol, String detector, long seed, double[][] rows, int[] labels)
                throws IOException {
            double[] scores;
            try (AnomalyModel model = AnomalyModel.load(artifact, Long.MAX_VALUE)) {
                scores = model.rawScores(rows);
            }
            Folders.delete(artifact.getParent());
            Row row = new Row(dataset, protocol, detector, seed, DetectorEvaluator.rocAuc(scores, labels),
                    DetectorEvaluator.averagePrecision(scores, labels), manifest.provenance().epochsRun(),
                    manifest.provenance().bestEpoch(), seconds);
            System.err.printf("%-12s %-16s %-12s seed %d  ROC-AUC %.4f  AP %.4f  epochs %3d (best %3d)  %5.1f s%n",
                    dataset, protocol, detector, seed, row.roc_auc(), row.average_precision(), row.epochs_run(),
                    row.best_epoch(), seconds);
            return row;
        }
    }

    /**
     * Runs the training command in this JVM and returns the published version folder; {@code
     * expectedHidden} is checked for MLP detectors and null for the others.
     */
    private Run train(String id, Path csv, long seed, List<Integer> expectedHidden, String... args)
            throws IOException {
        Path output = work.resolve("models").resolve(id);
        Folders.delete(output);
        List<String> command = new ArrayList<>(List.of("--data", csv.toString(), "--output", output.toString(),
                "--seed", Long.toString(seed), "-q"));
        command.addAll(List.of(args));
        command.addAll(extraArgs);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = TrainCommand.execute(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), command.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("training " + id + " failed (exit " + code + "): "
                    + stderr.toString(StandardCharsets.UTF_8));
        }
        Path version = output.resolve(Files.readString(output.resolve("LATEST")).strip());
        ArtifactManifest manifest = ModelArtifact.read(version, Long.MAX_VALUE).manifest();
        List<Integer> hidden = expectedHidden == null ? null : MlpConfig.of(manifest.detectorConfig()).hidden();
        if (hidden != null && !hidden.equals(expectedHidden)) {
            throw new IllegalStateException(id + ": trained " + hidden + ", expected "
                    + expectedHidden + " (splits.json tells the peers the latter)");
        }
        return new Run(version, manifest, seconds);
    }

    private static TabularData read(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            TabularData data = new CsvDataReader("label", List.of(), false).read(in, csv.toString());
            if (data.labels() == null) {
                throw new IllegalArgumentException(csv + " has no label column");
            }
            return data;
        }
    }

    /** The selected rows with a header; {@link Double#toString} round-trips every value exactly. */
    private static void writeCsv(Path file, TabularData data, int[] indexes) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(String.join(",", data.features()) + ",label\n");
            StringBuilder line = new StringBuilder();
            for (int i : indexes) {
                line.setLength(0);
                for (double v : data.rows()[i]) {
                    line.append(v).append(',');
                }
                line.append(data.labels()[i]).append('\n');
                w.write(line.toString());
            }
        }
    }

    private static String name(Path csv) {
        String file = csv.getFileName().toString();
        return file.substring(0, file.length() - ".csv".length());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--splits-only")) {
                out.put(args[i], "");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                out.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("usage: QualityBench [--datasets DIR] [--work DIR] "
                        + "[--seeds-unsupervised N] [--seeds-split N] [--protocols a,b,c] [--detectors a,b] [--epochs N] "
                        + "[--splits-only]");
            }
        }
        return out;
    }
}
