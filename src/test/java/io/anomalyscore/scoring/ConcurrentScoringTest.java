package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.NativeResources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients send mixed single-record and batch requests through the HTTP path (mock
 * event server, API Gateway v2 events): no 5xx, and every score is bit-identical to the same
 * cardio row scored alone, single-threaded, beforehand. Sized by request count, not time. Also
 * checks that the model's live native arrays return to their idle count afterwards.
 *
 * <p>Note: like Lambda itself (one request per execution environment at a time), the mock event
 * server queues the events and one poll-loop thread handles them, so this exercises the queue and
 * the HTTP bridge under 32 clients; truly parallel scoring on one model is {@code
 * NativeResourcesTest}'s job. 12,800 requests took 35 s in the full suite on 2 shared cores.
 */
@QuarkusTest
class ConcurrentScoringTest {

    static final int CLIENTS = 32;
    static final int REQUESTS_PER_CLIENT = Integer.getInteger("concurrency.requests-per-client", 1000);
    static final int DISTINCT_ROWS = 200;
    static final int MAX_BATCH = 20; // below %test max-records 50

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AnomalyModel model;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private URI uri() {
        return URI.create("http://localhost:" + RestAssured.port + "/v1/score");
    }

    /** The scores of {@code rows}, or the status as an exception message for anything but 200. */
    private double[] score(double[][] rows) throws Exception {
        String body = JSON.writeValueAsString(Map.of("records", rows));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new StatusException(r.statusCode(), r.body());
        }
        JsonNode results = JSON.readTree(r.body()).get("results");
        double[] scores = new double[results.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = results.get(i).get("score").doubleValue(); // Jackson parses doubles exactly
        }
        return scores;
    }

    static final class StatusException extends Exception {
        final int status;

        StatusException(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
        }
    }

    @Test
    void concurrentClientsGetTheSingleThreadedScoresExactly() throws Exception {
        double[][] rows = CardioRows.first(DISTINCT_ROWS);
        double[] alone = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            alone[i] = score(new double[][] {rows[i]})[0];
        }
        NativeResources idle = NativeResources.live();

        AtomicInteger requests = new AtomicInteger();
        AtomicInteger records = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(1_000 + c);
            done.add(clients.submit(() -> {
                start.await();
                for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                    int size = random.nextBoolean() ? 1 : 2 + random.nextInt(MAX_BATCH - 1);
                    int[] picks = random.ints(size, 0, rows.length).toArray();
                    double[][] batch = Arrays.stream(picks).mapToObj(i -> rows[i]).toArray(double[][]::new);
                    try {
                        double[] scores = score(batch);
                        requests.incrementAndGet();
                        records.addAndGet(size);
                        for (int k = 0; k < size; k++) {
                            if (scores[k] != alone[picks[k]]) {
                                failures.add("row " + picks[k] + " in a batch of " + size + ": " + scores[k]
                                        + " != " + alone[picks[k]]);
                            }
                        }
                    } catch (StatusException e) {
                        requests.incrementAndGet();
                        if (e.status >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        failures.add(e.getMessage());
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        NativeResources after = NativeResources.live();
        System.out.printf("concurrency: %d clients, %d requests, %d records in %.1f s, %d 5xx, %d failures;"
                + " native idle %s, after %s%n", CLIENTS, requests.get(), records.get(), seconds,
                serverErrors.get(), failures.size(), idle, after);

        assertThat(requests.get()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(serverErrors.get()).as("5xx responses").isZero();
        assertThat(failures).as("mismatched scores or errors").isEmpty();
        assertThat(after.arrays()).as("live arrays after the burst").isEqualTo(idle.arrays());
        assertThat(after.managers()).as("live managers after the burst").isEqualTo(idle.managers());
    }
}
