package io.anomalyscore.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parallel single and batch scoring on one model gives every record its single-threaded score
 * bit for bit; after the burst, the live NDArrays and managers under DJL's root manager return to
 * their idle counts.
 */
class NativeResourcesTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 400;

    private static AnomalyModel model;
    private static double[][] rows;

    @BeforeAll
    static void load() throws IOException {
        model = AnomalyModel.load(Path.of("src/main/resources/default-model"), 1L << 28);
        rows = Files.readAllLines(Path.of("src/test/resources/data/cardio.csv")).stream().skip(1).limit(500)
                .map(l -> Arrays.stream(l.split(",")).limit(21).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void liveResourcesReturnToIdleAfterABurst() throws Exception {
        double[] alone = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            alone[i] = model.score(new double[][] {rows[i]}, false)[0].score();
        }
        NativeResources idle = NativeResources.live();
        assertThat(idle.arrays()).as("the weights are live arrays").isPositive();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            done.add(pool.submit(() -> {
                int scored = 0;
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    int from = (seed * 37 + i * 11) % (rows.length - 10);
                    double[][] batch = i % 2 == 0 ? new double[][] {rows[from]}
                            : Arrays.copyOfRange(rows, from, from + 1 + i % 10);
                    RecordScore[] scores = model.score(batch, i % 3 == 0);
                    for (int k = 0; k < scores.length; k++) {
                        if (scores[k].score() != alone[from + k]) {
                            throw new AssertionError("row " + (from + k) + ": " + scores[k].score() + " != " + alone[from + k]);
                        }
                    }
                    scored += scores.length;
                }
                return scored;
            }));
        }
        int scored = 0;
        for (Future<Integer> f : done) {
            scored += f.get();
        }
        pool.shutdown();
        assertThat(scored).isGreaterThan(10_000);

        NativeResources after = NativeResources.live();
        System.out.printf("native resources: idle %s; after %d records on %d threads %s%n", idle, scored, THREADS, after);
        assertThat(after.arrays()).as("live arrays after %d records: %s vs idle %s", scored, after, idle)
                .isEqualTo(idle.arrays());
        assertThat(after.managers()).as("live managers: %s vs idle %s", after, idle).isEqualTo(idle.managers());
    }

    @Test
    void aLeakedArrayIsCounted() {
        NativeResources before = NativeResources.live();
        try (var manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            manager.create(new float[] {1, 2, 3});
            NativeResources during = NativeResources.live();
            assertThat(during.arrays()).isEqualTo(before.arrays() + 1);
            assertThat(during.managers()).isEqualTo(before.managers() + 1);
        }
        assertThat(NativeResources.live()).isEqualTo(before);
    }
}
