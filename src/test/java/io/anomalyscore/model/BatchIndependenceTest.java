package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.anomalyscore.model.detector.network.NetworkRunner;
import io.anomalyscore.training.TrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A record's score does not depend on its batch, bit for bit: every record is scored alone, then
 * inside batches of many sizes (below, at and above a chunk, not multiples of the row quantum), in
 * shuffled order, at different positions, next to copies of itself and next to extreme rows; its
 * raw score (and, where the detector explains, every attribution) must have the same IEEE-754 bits
 * as alone, on the CPUs where that was proved ({@link #BITWISE_CPUS}); on every CPU, within a
 * relative {@link #BOUND}, with the same verdict outside that band around the threshold. Runs for
 * every record detector: the shipped default model (autoencoder, 21 features),
 * the format-1 classifier, a 166-feature autoencoder and an unsupervised deep isolation forest,
 * the last two trained here with the real training command.
 */
class BatchIndependenceTest {

    /** Batch sizes: around the row quantum (8) and the chunk height (512), and a whole data set. */
    static final int[] SIZES = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 100, 127, 255, 256, 257, 511,
        512, 513, 777, 1024, 1100};

    @TempDir
    static Path dir;

    private static final List<Case> CASES = new ArrayList<>();

    record Case(String name, AnomalyModel model, double[][] rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void models() throws IOException {
        double[][] cardio = Format1CompatibilityTest.cardioRows();
        CASES.add(new Case("default autoencoder (21 features)",
                AnomalyModel.load(Path.of("src/main/resources/default-model"), ModelArtifact.DEFAULT_MAX_BYTES), cardio));
        CASES.add(new Case("format-1 classifier (21 features)", AnomalyModel.load(
                Format1CompatibilityTest.FIXTURES.resolve("classifier"), ModelArtifact.DEFAULT_MAX_BYTES), cardio));
        Path wideCsv = dir.resolve("wide166.csv");
        double[][] wide = synthetic(wideCsv, 166, 1200);
        CASES.add(new Case("autoencoder (166 features)", AnomalyModel.load(train("wide", "--data", wideCsv.toString(),
                "--label", "label", "--detector", "autoencoder", "--hidden", "128,64,128", "--epochs", "2"),
                ModelArtifact.DEFAULT_MAX_BYTES), wide));
        String features = String.join(",", IntStream.range(0, 21).mapToObj(i -> "f" + i).toList());
        CASES.add(new Case("deep isolation forest (21 features)", AnomalyModel.load(train("forest", "--data",
                "src/test/resources/data/cardio.csv", "--features", features), ModelArtifact.DEFAULT_MAX_BYTES),
                Arrays.copyOf(cardio, 1100)));
    }

    @AfterAll
    static void close() {
        CASES.forEach(c -> c.model().close());
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    /**
     * CPUs on which the chunk design was probed and this test passed bit for bit (the first line
     * {@code model name} of /proc/cpuinfo). PyTorch picks its kernels by CPU, so elsewhere the
     * bitwise check is a visible skip and {@link #everyRecordScoresWithinTheBoundInEveryBatch} holds.
     */
    static final Set<String> BITWISE_CPUS = Set.of("Intel(R) Xeon(R) Processor");

    /** The bound on any CPU: relative score difference, and the band around the threshold. */
    static final double BOUND = 1e-5;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRecordScoresAsAloneInEveryBatch(Case c) {
        String cpu = cpuModel();
        assumeTrue(BITWISE_CPUS.contains(cpu), "bitwise batch independence was proved on " + BITWISE_CPUS
                + ", not on '" + cpu + "': the documented bound is checked instead (everyRecordScoresWithinTheBound...)");
        compareEveryBatch(c, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRecordScoresWithinTheBoundInEveryBatch(Case c) {
        compareEveryBatch(c, false);
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    private static void compareEveryBatch(Case c, boolean bitwise) {
        AnomalyModel model = c.model();
        boolean explain = model.explains();
        double[][] rows = withExtremes(c.rows());
        RecordScore[] alone = new RecordScore[rows.length];
        for (int i = 0; i < rows.length; i++) {
            alone[i] = model.score(new double[][] {rows[i]}, explain)[0];
        }
        Random random = new Random(12);
        int checked = 0;
        for (int size : SIZES) {
            for (int round = 0; round < 2; round++) {
                int[] pick = random.ints(size, 0, rows.length).toArray(); // random rows, repeats allowed
                if (round == 1) {
                    pick[random.nextInt(size)] = pick[0]; // a copy of a row at another position
                }
                double[][] batch = Arrays.stream(pick).mapToObj(i -> rows[i]).toArray(double[][]::new);
                RecordScore[] scored = model.score(batch, explain);
                for (int k = 0; k < size; k++) {
                    compare(bitwise, scored[k], alone[pick[k]], model, c + ": row " + pick[k] + " at position " + k
                            + " of a batch of " + size);
                }
                checked += size;
            }
        }
        // the whole set, shuffled: every row at a new position and with new neighbours
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows.length).boxed().toList());
        java.util.Collections.shuffle(order, random);
        RecordScore[] shuffled = model.score(order.stream().map(i -> rows[i]).toArray(double[][]::new), explain);
        for (int k = 0; k < rows.length; k++) {
            compare(bitwise, shuffled[k], alone[order.get(k)], model, c + ": row " + order.get(k) + " at position " + k
                    + " of the shuffled set");
        }
        assertThat(checked + rows.length).isGreaterThan(2 * NetworkRunner.MAX_CHUNK);
    }

    private static void compare(boolean bitwise, RecordScore actual, RecordScore expected, AnomalyModel model,
            String what) {
        if (bitwise) {
            assertSameBits(actual, expected, what);
            return;
        }
        assertThat(actual.score()).as(what + ": score").isCloseTo(expected.score(),
                org.assertj.core.data.Offset.offset(BOUND * Math.abs(expected.score())));
        double threshold = model.manifest().calibration().threshold();
        if (Math.abs(expected.score() - threshold) > BOUND * Math.abs(threshold)) {
            assertThat(actual.anomalous()).as(what + ": verdict outside the band around the threshold")
                    .isEqualTo(expected.anomalous());
        }
        if (expected.featureErrors() != null) {
            for (int j = 0; j < expected.featureErrors().length; j++) {
                double e = expected.featureErrors()[j];
                assertThat(actual.featureErrors()[j]).as(what + ": attribution " + j)
                        .isCloseTo(e, org.assertj.core.data.Offset.offset(BOUND * Math.abs(e) + 1e-12));
            }
        }
    }

    private static void assertSameBits(RecordScore actual, RecordScore expected, String what) {
        assertThat(Double.doubleToRawLongBits(actual.score())).as(what + ": score %s vs %s alone", actual.score(),
                expected.score()).isEqualTo(Double.doubleToRawLongBits(expected.score()));
        assertThat(actual.anomalous()).as(what).isEqualTo(expected.anomalous());
        if (expected.featureErrors() != null) {
            assertThat(Arrays.stream(actual.featureErrors()).mapToLong(Double::doubleToRawLongBits).toArray())
                    .as(what + ": attributions").containsExactly(
                            Arrays.stream(expected.featureErrors()).mapToLong(Double::doubleToRawLongBits).toArray());
        }
    }

    /** The rows plus a few far outside the data (large, tiny, all zeros). */
    private static double[][] withExtremes(double[][] rows) {
        int n = rows[0].length;
        double[][] out = Arrays.copyOf(rows, rows.length + 3);
        out[rows.length] = new double[n];
        out[rows.length + 1] = new double[n];
        out[rows.length + 2] = new double[n];
        for (int j = 0; j < n; j++) {
            out[rows.length][j] = 1e3 * (j % 2 == 0 ? 1 : -1);
            out[rows.length + 1][j] = 1e-7 * j;
        }
        return out;
    }

    private static double[][] synthetic(Path csv, int features, int count) throws IOException {
        Random random = new Random(166);
        double[][] rows = new double[count][features];
        StringBuilder text = new StringBuilder(String.join(",", IntStream.range(0, features).mapToObj(j -> "f" + j)
                .toList())).append(",label\n");
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < features; j++) {
                rows[i][j] = Math.round(random.nextGaussian() * 1e5) / 1e5;
                text.append(rows[i][j]).append(',');
            }
            text.append(i % 20 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(csv, text);
        return rows;
    }

    private static Path train(String name, String... args) throws IOException {
        Path output = dir.resolve(name);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        String[] all = Stream.concat(Stream.of(args), Stream.of("--output", output.toString(), "--seed", "3",
                "--threads", "1", "-q")).toArray(String[]::new);
        assertThat(TrainCommand.execute(print, print, all)).as(log.toString(StandardCharsets.UTF_8)).isZero();
        return output.resolve(Files.readString(output.resolve("LATEST")).strip());
    }
}
