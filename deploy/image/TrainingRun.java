/*
 * The AOT-cache training run of the container image (deploy/Dockerfile) and of bench/cold-start.sh:
 * starts the function with the image's own launch (deploy/image/bootstrap) against a minimal Lambda
 * Runtime API served here, gives it the events named on the command line, one after the other, checks
 * that every reply is a success, then stops the function (SIGTERM), whose JVM writes the AOT cache
 * (-XX:AOTCacheOutput, set by the bootstrap when AOT_CACHE_OUTPUT is set) as it exits.
 *
 * Runs as a single source file on the image's JDK (no build, no dependency):
 *   AOT_CACHE_OUTPUT=/opt/aot/function.aot java deploy/image/TrainingRun.java <bootstrap> <event.json>...
 * The function's environment is this process's environment plus AWS_LAMBDA_RUNTIME_API.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

public class TrainingRun {

    private static final String API = "/2018-06-01/runtime/";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java TrainingRun.java <bootstrap> <event.json>...");
            System.exit(2);
        }
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        for (int i = 1; i < args.length; i++) {
            events.add(new String[] {"training-" + i, Files.readString(Path.of(args[i]))});
        }
        int expected = args.length - 1;
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(API, exchange -> {
            String path = exchange.getRequestURI().getPath().substring(API.length());
            try {
                if (path.equals("invocation/next")) {
                    String[] event = events.take(); // after the last event: blocks until the function is stopped
                    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", event[0]);
                    exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                            String.valueOf(System.currentTimeMillis() + 60_000));
                    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:000000000000:function:training");
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    reply(exchange, 200, event[1]);
                } else if (path.endsWith("/response")) {
                    replies.add("ok " + body(exchange));
                    reply(exchange, 202, "");
                } else if (path.endsWith("/error")) {
                    replies.add("error " + path + " " + body(exchange));
                    reply(exchange, 202, "");
                } else {
                    replies.add("unexpected " + path + " " + body(exchange));
                    reply(exchange, 404, "");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();

        ProcessBuilder builder = new ProcessBuilder(args[0]).inheritIO();
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        Process function = builder.start();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            String reply = replies.poll(180, TimeUnit.SECONDS);
            if (reply == null) {
                failures.add("no reply within 180 s");
                break;
            }
            if (!reply.startsWith("ok ")) {
                failures.add(reply);
            }
        }
        function.destroy(); // SIGTERM: the JVM exits normally and writes the AOT cache
        boolean exited = function.waitFor(300, TimeUnit.SECONDS);
        server.stop(0);
        if (!exited) {
            function.destroyForcibly();
            failures.add("the function did not exit within 300 s of SIGTERM");
        }
        if (!failures.isEmpty()) {
            System.err.println("training run failed: " + failures);
            System.exit(1);
        }
        System.err.println("training run: " + expected + " events answered");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
