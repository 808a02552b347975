import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Sequential single-record latency of POST /v1/score over local HTTP.
 *
 * <p>Run: {@code java bench/LocalHttpLatency.java [url] [requests] [warmup]}, default
 * {@code http://localhost:8080/v1/score 10000 1000}. Prints median, p90, p99 and max in ms.
 */
public class LocalHttpLatency {

    private static final String BODY = "{\"records\":[{\"f0\":0.0049,\"f1\":0.6932,\"f2\":-0.2036,\"f3\":0.5953,"
            + "\"f4\":0.3532,\"f5\":-0.0614,\"f6\":-0.2783,\"f7\":-1.6504,\"f8\":0.7591,\"f9\":-0.4205,\"f10\":0.3721,"
            + "\"f11\":1.486,\"f12\":-0.7984,\"f13\":1.8547,\"f14\":0.6226,\"f15\":0.9631,\"f16\":0.3015,\"f17\":0.1931,"
            + "\"f18\":0.2315,\"f19\":-0.2898,\"f20\":-0.4933}]}";

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:8080/v1/score";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        for (int i = 0; i < warmup; i++) {
            send(client, request);
        }
        long[] nanos = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            send(client, request);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("requests %d (after %d warm-up), sequential, one record each, %.0f req/s%n", n, warmup, n / seconds);
        System.out.printf("median %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[n - 1] / 1e6);
    }

    private static void send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
