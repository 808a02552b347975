package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.NativeResources;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients send mixed single-record and batch requests over real HTTP connections to
 * a server that serves them concurrently: no 5xx, and every score is bit-identical to the same
 * cardio row scored alone, single-threaded, beforehand. Sized by request count, not time. Also
 * checks that the model's live native arrays return to their idle count afterwards.
 *
 * <p>The server: quarkus-amazon-lambda-http makes Quarkus's HTTP layer virtual-only in every launch
 * mode (it requires {@code RequireVirtualHttpBuildItem.ALWAYS_VIRTUAL}), so Quarkus opens no socket,
 * and the mock event server feeds the one Lambda poll loop one event at a time. This test therefore
 * binds a Vert.x HTTP server, on Quarkus's own Vert.x, to Quarkus's root request handler ({@code
 * VertxHttpRecorder.getRootHandler()}, the handler Quarkus itself binds to its socket when it opens
 * one): the same router, REST layer, resource, filters and mappers, with blocking endpoints on the
 * worker pool. A sampler counts the threads inside {@code ScoringService.score} and the model at the
 * same instant, proving that requests really overlapped server-side.
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

    @Inject
    Vertx vertx;

    private HttpServer server;
    private URI uri;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void startServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("localhost").setPort(0))
                .requestHandler(VertxHttpRecorder.getRootHandler());
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        uri = URI.create("http://localhost:" + server.actualPort() + "/v1/score");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The scores of {@code rows}, or the status as an exception message for anything but 200. */
    private double[] score(double[][] rows) throws Exception {
        String body = JSON.writeValueAsString(Map.of("records", rows));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
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

        Burst burst = new Burst(rows, alone);
        long t0 = System.nanoTime();
        try (OverlapSampler overlap = OverlapSampler.start()) {
            burst.run();
            burst.overlapped = overlap.max();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        NativeResources after = NativeResources.live();
        System.out.printf("concurrency: %d clients, %d requests, %d records in %.1f s, %d 5xx, %d failures;"
                + " at most %d requests scoring at once; native idle %s, after %s%n", CLIENTS, burst.requests.get(),
                burst.records.get(), seconds, burst.serverErrors.get(), burst.failures.size(), burst.overlapped,
                idle, after);

        assertThat(burst.requests.get()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(burst.overlapped).as("requests scoring in the model at the same instant").isGreaterThan(1);
        assertThat(burst.serverErrors.get()).as("5xx responses").isZero();
        assertThat(burst.failures).as("mismatched scores or errors").isEmpty();
        assertThat(after.arrays()).as("live arrays after the burst").isEqualTo(idle.arrays());
        assertThat(after.managers()).as("live managers after the burst").isEqualTo(idle.managers());
    }

    /** CLIENTS threads, each sending REQUESTS_PER_CLIENT requests of random rows, all released at once. */
    private final class Burst {
        final double[][] rows;
        final double[] alone;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger records = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int overlapped;

        Burst(double[][] rows, double[] alone) {
            this.rows = rows;
            this.alone = alone;
        }

        void run() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(1_000 + c);
                done.add(clients.submit(() -> {
                    start.await();
                    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
                        request(random);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
        }

        private void request(Random random) throws Exception {
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
    }
}
