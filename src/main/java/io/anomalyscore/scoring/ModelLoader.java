package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.Folders;
import io.anomalyscore.storage.S3Clients;
import io.anomalyscore.storage.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns a model URI into a loaded, verified {@link AnomalyModel}; plain Java so start-up failures
 * can be tested without Quarkus.
 *
 * <p>Every source goes through the same path: the artifact lands in a local folder, then {@link
 * AnomalyModel#load} verifies format and checksums. Any failure becomes a {@link
 * ModelLoadException} naming the URI, so a bad model fails start-up instead of being served.
 *
 * <p>The whole load runs under one deadline ({@code anomaly.model.load-deadline}): without it, a
 * slow S3 could hold start-up for each call's timeout in turn ({@code LATEST}, manifest, weights).
 * The load runs on its own thread; past the deadline it is interrupted and abandoned (a model it
 * still completes is closed), and the caller gets the failure at once.
 */
public final class ModelLoader {

    /** URI scheme of artifacts shipped inside the application. */
    public static final String CLASSPATH = "classpath:";

    /** The default of {@code anomaly.model.load-deadline}. */
    public static final Duration DEFAULT_LOAD_DEADLINE = Duration.ofSeconds(20);

    private final S3Settings s3Settings;
    private final long maxArtifactBytes;
    private final Duration deadline;

    /** A loader with the default deadline. */
    public ModelLoader(S3Settings s3Settings, long maxArtifactBytes) {
        this(s3Settings, maxArtifactBytes, DEFAULT_LOAD_DEADLINE);
    }

    public ModelLoader(S3Settings s3Settings, long maxArtifactBytes, Duration deadline) {
        if (deadline.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("anomaly.model.load-deadline must be positive, not " + deadline);
        }
        this.s3Settings = s3Settings;
        this.maxArtifactBytes = maxArtifactBytes;
        this.deadline = deadline;
    }

    /** Applies the engine thread settings, then loads the model at {@code uri}. */
    public AnomalyModel load(String uri, int threads, int interopThreads) {
        EngineSettings.apply(threads, interopThreads);
        return load(uri);
    }

    /**
     * Loads the model at {@code uri} within the deadline; the downloaded or copied files are
     * deleted afterwards.
     */
    public AnomalyModel load(String uri) {
        return await(start(uri));
    }

    /** A load under way: started at {@code startNanos} ({@link System#nanoTime()}) by {@link #start}. */
    public record Pending(String uri, CompletableFuture<AnomalyModel> result, Thread worker, long startNanos) {}

    /**
     * Starts loading the model at {@code uri} on its own thread and returns at once; {@link #await}
     * gives the model or the failure within the deadline counted from now.
     */
    public Pending start(String uri) {
        CompletableFuture<AnomalyModel> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                AnomalyModel model = loadNow(uri);
                if (!result.complete(model)) {
                    model.close(); // the caller gave up at the deadline
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "model-load");
        worker.setDaemon(true); // never keeps a failing JVM alive
        long startNanos = System.nanoTime();
        worker.start(); // inherits this thread's context class loader (classpath: models, DJL)
        return new Pending(uri, result, worker, startNanos);
    }

    /**
     * Waits for a load started by {@link #start} until its deadline (counted from its start); past it
     * the load is interrupted and abandoned (a model it still completes is closed).
     */
    public AnomalyModel await(Pending pending) {
        String uri = pending.uri();
        CompletableFuture<AnomalyModel> result = pending.result();
        Thread worker = pending.worker();
        long left = deadline.toNanos() - (System.nanoTime() - pending.startNanos());
        try {
            result.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ModelLoadException late = new ModelLoadException("cannot load the model from " + uri
                    + ": not loaded within the load deadline of " + deadline.toMillis()
                    + " ms (anomaly.model.load-deadline)", null);
            if (result.completeExceptionally(late)) {
                worker.interrupt();
            } // else it finished in the meantime: take that result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            result.completeExceptionally(new ModelLoadException("cannot load the model from " + uri + ": interrupted", e));
        } catch (ExecutionException e) {
            // read below
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ModelLoadException("cannot load the model from " + uri + ": " + e.getCause(), e.getCause());
        }
    }

    private AnomalyModel loadNow(String uri) {
        AtomicReference<S3Client> client = new AtomicReference<>();
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("anomaly-model-");
            Path artifact = uri.startsWith(CLASSPATH)
                    ? copyFromClasspath(uri.substring(CLASSPATH.length()), workDir)
                    : new ArtifactStores(() -> {
                        client.set(S3Clients.create(s3Settings));
                        return client.get();
                    }).forLocation(uri).fetch(uri, workDir);
            return AnomalyModel.load(artifact, maxArtifactBytes);
        } catch (Exception e) {
            throw new ModelLoadException("cannot load the model from " + uri + ": " + reason(e), e);
        } finally {
            if (client.get() != null) {
                client.get().close();
            }
            Folders.deleteQuietly(workDir); // a leftover temp folder is harmless; the model is in memory
        }
    }

    /** Copies {@code manifest.json} first, then exactly the files it lists (package-private for tests). */
    static Path copyFromClasspath(String folder, Path workDir) throws IOException {
        String base = folder.replaceAll("^/+|/+$", "");
        Path dir = workDir.resolve("classpath-artifact");
        Files.createDirectories(dir);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        copyResource(loader, base + "/" + ModelArtifact.MANIFEST, dir.resolve(ModelArtifact.MANIFEST));
        List<String> files = ModelArtifact.listedFiles(Files.readAllBytes(dir.resolve(ModelArtifact.MANIFEST)));
        for (String file : files.subList(1, files.size())) {
            copyResource(loader, base + "/" + file, dir.resolve(file));
        }
        return dir;
    }

    private static void copyResource(ClassLoader loader, String name, Path file) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " does not exist");
            }
            Files.copy(in, file);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
