package io.anomalyscore.bench.sequences;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.SeriesAlerts;
import io.anomalyscore.model.StepScore;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
 * bench/sequences: every NAB-layout and SKAB-layout CSV under a folder (SKAB files read in place,
 * never copied), each window detector trained through the real training command under the file's
 * protocol, the whole file scored through the serving model, and the figures pooled per detector:
 * SKAB's F1 / FAR / MAR over the test parts, the NAB score over the NAB series beside NAB's
 * published detectors on the same files. Writes JSON, prints markdown.
 */
public final class SequenceBench {

    static final List<String> DETECTORS = List.of("conv-autoencoder", "lstm-autoencoder", "transformer-autoencoder");

    private SequenceBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchArgs.parse(args);
        Path data = Path.of(options.get("--data"));
        Path out = Path.of(options.get("--out"));
        Path scoresDir = options.containsKey("--scores-dir") ? Path.of(options.get("--scores-dir")) : null;
        List<String> detectors = options.containsKey("--detectors")
                ? List.of(options.get("--detectors").split(",")) : DETECTORS;
        String epochs = options.get("--epochs");
        String hidden = options.get("--hidden");
        String keep = options.get("--keep-weights");
        String only = options.get("--only");
        List<BenchFile> files = files(data).stream().filter(f -> only == null || f.layout().equals(only)).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException(data + " holds no " + (only == null ? "NAB-layout or SKAB-layout" : only
                    + "-layout") + " CSV");
        }
        List<FileResult> results = new ArrayList<>();
        for (BenchFile file : files) {
            for (String detector : detectors) {
                results.add(run(file, detector, epochs, hidden, keep, scoresDir));
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "bench/sequences " + String.join(" ", args));
        report.put("epochs", epochs == null ? "per protocol" : epochs);
        report.put("hidden", hidden == null ? "the detector's default" : hidden);
        report.put("keepWeights", keep == null ? "per protocol" : keep);
        report.put("files", results);
        report.put("summary", Summary.of(results, detectors, data));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println(Summary.markdown(results, detectors, data));
    }

    static List<BenchFile> files(Path data) throws IOException {
        List<BenchFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(data, 2)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".csv"))
                    .filter(p -> !p.toString().contains("nab_results")).sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                BenchFile file = BenchFile.of(data, p);
                if (file == null) {
                    System.err.println("skipped (neither NAB nor SKAB layout): " + p);
                } else {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static FileResult run(BenchFile file, String detector, String epochs, String hidden, String keep,
            Path scoresDir) throws Exception {
        Path repository = Files.createTempDirectory("bench-sequences-");
        long start = System.nanoTime();
        Path version = train(file, detector, epochs, hidden, keep, repository);
        try (AnomalyModel model = AnomalyModel.load(version, Long.MAX_VALUE)) {
            double threshold = model.manifest().threshold();
            int n = file.data().size();
            double[] scores = new double[n];
            boolean[] detected = new boolean[n];
            Map<String, PointMetrics> variants = null;
            if (file.layout().equals("skab")) {
                // SKAB scores the windows of the test rows alone, as a caller sends them: one request
                double[][] test = Arrays.copyOfRange(file.rows(), file.trainRows(), n);
                StepScore[] served = model.scoreSeries(test, false);
                Arrays.fill(scores, Double.NaN);
                double[] testScores = new double[served.length];
                for (int i = 0; i < served.length; i++) {
                    int t = file.trainRows() + served[i].index();
                    scores[t] = served[i].score().score();
                    detected[t] = served[i].score().anomalous();
                    testScores[i] = served[i].score().score();
                }
                double[] training = model.rawSeriesScores(Arrays.copyOfRange(file.rows(), 0, file.trainRows()));
                variants = SkabVariants.of(file, training, testScores);
            } else {
                double[] windows = model.rawSeriesScores(file.rows());
                Arrays.fill(scores, 0, file.window() - 1, Double.NaN);
                System.arraycopy(windows, 0, scores, file.window() - 1, windows.length);
                boolean[] flags = SeriesAlerts.flags(windows, threshold, model.alertRule(), file.window());
                System.arraycopy(flags, 0, detected, file.window() - 1, flags.length);
            }
            FileResult result = FileResult.of(file, detector, model.manifest().detectorConfig().path("hidden").toString(),
                    scores, detected, threshold,
                    model.manifest().provenance().epochsRun(), (System.nanoTime() - start) / 1e9, variants);
            if (scoresDir != null) {
                ScoresCsv.write(scoresDir.resolve(detector).resolve(file.name() + ".csv"), file, scores, detected);
            }
            System.err.printf("%-50s %-24s %s%n", file.name(), detector, result.brief());
            return result;
        } finally {
            io.anomalyscore.storage.Folders.deleteQuietly(repository);
        }
    }

    private static Path train(BenchFile file, String detector, String epochs, String hidden, String keep,
            Path repository) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", file.path().toString(), "--time", "timestamp",
                "--label", "label", "--features", String.join(",", file.channels()), "--detector", detector,
                "--window", Integer.toString(file.window()), "--train-rows", Integer.toString(file.trainRows()),
                "--validation-fraction", "0", "--test-fraction", "0", "--threshold", "quantile-factor",
                "--name", "bench", "--output", repository.toString(), "-q"));
        List<String> protocol = new ArrayList<>(file.protocol());
        if (epochs != null) {
            protocol.set(protocol.indexOf("--epochs") + 1, epochs);
        }
        if (keep != null) {
            int at = protocol.indexOf("--keep-weights");
            if (at >= 0) {
                protocol.set(at + 1, keep);
            } else {
                protocol.addAll(List.of("--keep-weights", keep));
            }
        }
        args.addAll(protocol);
        if ("select".equals(hidden)) {
            args.add("--select-width");
        } else if (hidden != null) {
            args.addAll(List.of("--hidden", hidden));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        if (TrainCommand.execute(print, print, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("training failed on " + file.path() + ": " + log.toString(StandardCharsets.UTF_8));
        }
        return repository.resolve(Files.readString(repository.resolve("LATEST")).strip());
    }
}
