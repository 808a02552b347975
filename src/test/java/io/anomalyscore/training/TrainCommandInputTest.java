package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and options: each run exits 2, names where the problem is, and writes no artifact.
 */
class TrainCommandInputTest {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one run. */
    record Run(int exitCode, String out, String err) {}

    static Run train(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A small valid labelled CSV body: {@code rows} rows of 3 features, every 10th row anomalous. */
    static String rows(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int label = i % 10 == 9 ? 1 : 0;
            double shift = label == 1 ? 4 : 0;
            sb.append(String.format(java.util.Locale.ROOT, "%.5f,%.5f,%.5f,%d%n", random.nextGaussian() + shift,
                    random.nextGaussian(), random.nextGaussian() - shift, label));
        }
        return sb.toString();
    }

    private Path out() {
        return dir.resolve("out");
    }

    /** Runs with {@code --data file --output out} plus {@code extra}; asserts exit 2 and no artifact. */
    private String failsWithInputError(Path data, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--output", out().toString(), "-q"));
        args.addAll(List.of(extra));
        Run run = train(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertNoArtifact(out());
        return run.err();
    }

    static void assertNoArtifact(Path output) throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        try (Stream<Path> entries = Files.list(output)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("entries of %s", output).isEmpty();
        }
    }

    @Test
    void missingFile() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertThat(failsWithInputError(missing)).contains(missing.toString()).contains("not found");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = csv("empty.csv", "");
        assertThat(failsWithInputError(file)).contains(file.toString()).contains("empty");
    }

    @Test
    void headerOnly() throws IOException {
        Path file = csv("header.csv", "a,b,c,label\n");
        assertThat(failsWithInputError(file, "--label", "label")).contains(file.toString()).contains("no data rows");
    }

    @Test
    void raggedRow() throws IOException {
        Path file = csv("ragged.csv", "a,b,c,label\n1,2,3,0\n1,2,0\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 3:").contains("3 fields").contains("4");
    }

    @Test
    void nonNumericCell() throws IOException {
        Path file = csv("text.csv", "a,b,c,label\n1,2,3,0\n1,x2,3,0\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 3, column 2:").contains("not a number").contains("'b'");
    }

    @Test
    void nanAndInfinityCells() throws IOException {
        Path nan = csv("nan.csv", "a,b,c,label\n1,2,NaN,0\n");
        assertThat(failsWithInputError(nan, "--label", "label")).contains(nan + ", line 2, column 3:").contains("NaN");
        Path inf = csv("inf.csv", "a,b,c,label\n1,2,3,0\n-Infinity,2,3,0\n");
        assertThat(failsWithInputError(inf, "--label", "label")).contains(inf + ", line 3, column 1:")
                .contains("-Infinity");
        Path overflow = csv("big.csv", "a,b,c,label\n1,2,3,0\n1,1e999,3,0\n");
        assertThat(failsWithInputError(overflow, "--label", "label")).contains(overflow + ", line 3, column 2:")
                .contains("out of range");
    }

    @Test
    void emptyCellWithoutImputation() throws IOException {
        Path file = csv("gap.csv", "a,b,c,label\n1,2,3,0\n1,,3,0\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 3, column 2:").contains("missing value").contains("--impute median");
    }

    @Test
    void emptyCellWithMedianImputationTrains() throws IOException {
        String body = rows(60, 1) + ",1.0,2.0,0\n" + "0.5,,-1.0,0\n" + "0.5,1.0,,1\n";
        Path file = csv("gaps.csv", "a,b,c,label\n" + body);
        Run run = train("--data", file.toString(), "--output", out().toString(), "--label", "label",
                "--impute", "median", "--epochs", "2", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("published");
        String version = Files.readString(out().resolve("LATEST")).strip();
        String manifest = Files.readString(out().resolve(version).resolve("manifest.json"));
        assertThat(manifest).contains("\"imputation\" : \"median\"").contains("\"rows\" : 63");
    }

    @Test
    void unknownLabelValue() throws IOException {
        Path file = csv("label2.csv", "a,b,c,label\n1,2,3,0\n1,2,3,2\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 3, column 4:").contains("label must be 0 or 1").contains("'2'");
    }

    @Test
    void labelColumnMissing() throws IOException {
        Path file = csv("nolabel.csv", "a,b,c\n1,2,3\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 1:").contains("label column 'label' not found");
    }

    @Test
    void classifierWithOnlyOneClass() throws IOException {
        Path file = csv("normal.csv", "a,b,c,label\n" + rows(30, 2).replaceAll(",1\\R", ",0\n"));
        assertThat(failsWithInputError(file, "--label", "label", "--detector", "classifier"))
                .contains(file.toString()).contains("only one class");
    }

    @Test
    void allRowsAnomalous() throws IOException {
        Path file = csv("bad.csv", "a,b,c,label\n1,2,3,1\n2,3,4,1\n3,4,5,1\n");
        assertThat(failsWithInputError(file, "--label", "label")).contains(file.toString())
                .contains("every row as anomalous");
    }

    @Test
    void unwritableOutput() throws IOException {
        Path data = csv("ok.csv", "a,b,c,label\n" + rows(30, 3));
        Path blocker = csv("regular-file", "not a folder");
        Path output = blocker.resolve("models");
        Run run = train("--data", data.toString(), "--output", output.toString(), "--label", "label", "-q");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("output " + output + " is not writable");
        assertThat(Files.readString(blocker)).isEqualTo("not a folder");
    }

    @Test
    void duplicateColumnNames() throws IOException {
        Path file = csv("dup.csv", "a,b,a,label\n1,2,3,0\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 1, column 3:").contains("duplicate column name 'a'");
    }

    @Test
    void unterminatedQuote() throws IOException {
        Path file = csv("quote.csv", "a,b,c,label\n1,2,3,0\n1,\"2,3,0\n4,5,6,0\n");
        assertThat(failsWithInputError(file, "--label", "label"))
                .contains(file + ", line 3, column 2:").contains("unterminated quoted field");
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() throws IOException {
        String body = "\uFEFFa,b,c,label\r\n" + rows(40, 4).replace("\n", "\r\n");
        Path file = csv("windows.csv", body);
        Run run = train("--data", file.toString(), "--output", out().toString(), "--label", "label",
                "--epochs", "1", "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String version = Files.readString(out().resolve("LATEST")).strip();
        String manifest = Files.readString(out().resolve(version).resolve("manifest.json"));
        assertThat(manifest).contains("\"features\" : [ \"a\", \"b\", \"c\" ]");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path data = csv("ok.csv", "a,b,c,label\n" + rows(30, 5));
        assertThat(failsWithInputError(data, "--validation-fraction", "2")).contains("--validation-fraction");
        assertThat(failsWithInputError(data, "--detector", "foo")).contains("--detector").contains("foo");
        assertThat(failsWithInputError(data, "--detector", "classifier")).contains("needs --label");
        assertThat(failsWithInputError(data, "--epochs", "abc")).contains("--epochs");
        assertThat(failsWithInputError(data, "--impute", "mean")).contains("--impute");
        assertThat(failsWithInputError(data, "--contamination", "0.9")).contains("--contamination");
        assertThat(failsWithInputError(data, "--features", "a,zz", "--label", "label"))
                .contains(data + ", line 1:").contains("'zz'");
        assertThat(train("--data", data.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void helpExitsZeroAndListsTheOptions() {
        Run run = train("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data", "--output", "--label", "--detector", "--impute",
                "--validation-fraction", "--epochs", "--seed", "--contamination", "Exit codes");
    }
}
