package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of a valid CSV: every one either reads (and trains) or fails with a
 * located {@link CsvFormatException} / exit code 2 — never another exception, never an artifact
 * from invalid input.
 */
class CsvFuzzTest {

    private static final int MUTATIONS = 5000;
    /** Every n-th mutation also goes through the whole training command. */
    private static final int COMMAND_EVERY = 125;

    @TempDir
    Path dir;

    @Test
    void mutatedCsvEitherReadsOrFailsWithALocatedError() throws IOException {
        byte[] valid = (header() + TrainCommandInputTest.rows(40, 3)).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261128);
        int readOk = 0;
        int rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(valid, random, 1 + random.nextInt(3));
            boolean ok = readsOrFailsLocated(mutated, i);
            if (ok) {
                readOk++;
            } else {
                rejected++;
            }
            if (i % COMMAND_EVERY == 0) {
                commandSucceedsOrWritesNothing(mutated, i, ok);
            }
        }
        // the mutations must exercise both outcomes, or the test proves nothing
        assertThat(readOk).isGreaterThan(MUTATIONS / 50);
        assertThat(rejected).isGreaterThan(MUTATIONS / 2);
    }

    private static String header() {
        return "a,b,c,label\n";
    }

    private static boolean readsOrFailsLocated(byte[] csv, int i) {
        CsvDataReader reader = new CsvDataReader("label", List.of(), false);
        try {
            TabularData data = reader.read(new ByteArrayInputStream(csv), "fuzz.csv");
            assertThat(data.size()).isPositive();
            return true;
        } catch (CsvFormatException e) {
            assertThat(e.line()).as("mutation %d: %s", i, e.getMessage()).isPositive();
            assertThat(e.getMessage()).startsWith("fuzz.csv, line " + e.line());
            return false;
        } catch (Exception e) {
            fail("mutation " + i + " raised " + e + " for input:\n" + preview(csv));
            return false;
        }
    }

    private void commandSucceedsOrWritesNothing(byte[] csv, int i, boolean readable) throws IOException {
        Path file = dir.resolve("fuzz-" + i + ".csv");
        Files.write(file, csv);
        Path out = dir.resolve("out-" + i);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrainCommand.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err),
                "--data", file.toString(), "--output", out.toString(), "--label", "label", "--epochs", "1", "-q");
        String message = err.toString(StandardCharsets.UTF_8);
        if (code == 0) {
            assertThat(readable).as("mutation %d trained although the reader rejects it", i).isTrue();
            assertThat(out.resolve("LATEST")).exists();
            return;
        }
        assertThat(code).as("mutation %d: %s", i, message).isEqualTo(2);
        if (!readable) {
            assertThat(message).as("mutation %d", i).contains(file.toString()).contains("line ");
        }
        try (Stream<Path> left = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith(".write-check")))
                    .as("mutation %d left files behind", i).isEmpty();
        }
    }

    /** Applies {@code count} random edits of the kinds real broken CSVs show. */
    static byte[] mutate(byte[] input, Random random, int count) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] bytes = input;
        for (int k = 0; k < count; k++) {
            int at = random.nextInt(Math.max(1, text.length()));
            switch (random.nextInt(12)) {
                case 0 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                case 1 -> text = text.substring(0, at) + "," + text.substring(at);
                case 2 -> text = text.substring(0, at) + "\"" + text.substring(at);
                case 3 -> text = "\uFEFF" + text;
                case 4 -> text = text.replace("\n", "\r\n");
                case 5 -> text = text.substring(0, at) + "\n\n" + text.substring(at);
                case 6 -> text = text.substring(0, at) + "9".repeat(400 + random.nextInt(70_000)) + text.substring(at);
                case 7 -> text = text.substring(0, text.indexOf('\n') + 1);
                case 8 -> text = text.replaceFirst("b", "a");
                case 9 -> text = text.substring(0, at) + List.of("NaN", "inf", "x", "-", "1e999", "", " ").get(
                        random.nextInt(7)) + text.substring(at);
                case 10 -> text = text.substring(0, at);
                default -> {
                    byte[] current = text.getBytes(StandardCharsets.UTF_8);
                    int pos = random.nextInt(current.length + 1);
                    byte[] noise = new byte[1 + random.nextInt(4)];
                    random.nextBytes(noise);
                    bytes = new byte[current.length + noise.length];
                    System.arraycopy(current, 0, bytes, 0, pos);
                    System.arraycopy(noise, 0, bytes, pos, noise.length);
                    System.arraycopy(current, pos, bytes, pos + noise.length, current.length - pos);
                    return bytes; // raw bytes may not survive another round trip through a String
                }
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String preview(byte[] csv) {
        String s = new String(csv, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
