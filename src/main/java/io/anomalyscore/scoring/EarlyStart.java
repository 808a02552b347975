package io.anomalyscore.scoring;

import ai.djl.engine.Engine;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.storage.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Starts the PyTorch engine (loading and relocating libtorch, DJL's platform and CUDA probes) and,
 * for a model shipped in the application ({@code classpath:}), the model load itself on a background
 * thread as soon as the CDI container exists, so that they overlap the rest of Quarkus's boot instead
 * of running after it ({@code anomaly.engine.early-start}, default true).
 *
 * <p>The container exists before Quarkus's runtime configuration mapping does, so the values used
 * here are read from the raw configuration. {@link ModelProducer} still loads the model at start-up,
 * with the runtime configuration: it {@link #take takes} the early load only when its URI, size limit
 * and deadline are the ones it would use, and waits for it within {@code anomaly.model.load-deadline}
 * counted from the early start; any other early load is closed when it completes and the model is
 * loaded as before. A failed early load fails start-up with its {@link ModelLoadException}, the same
 * one the load at start-up would raise. An {@code s3://} or folder model is left to start-up (its S3
 * settings belong to the runtime configuration): only the engine starts early then, and the model
 * load's first use of the engine waits on DJL's engine lock until that thread is done.
 *
 * <p>Nothing unique is created (the engine and the model hold no seed or id), so a SnapStart snapshot
 * taken after start-up may contain both.
 */
@Singleton
public class EarlyStart {

    private static final Logger LOG = Logger.getLogger(EarlyStart.class);

    /** The early load of this start, until {@link ModelProducer} takes it. */
    private static final AtomicReference<Started> STARTED = new AtomicReference<>();

    private record Started(String uri, long maxArtifactBytes, Duration deadline, ModelLoader.Pending pending) {}

    static void start(@Observes @Initialized(ApplicationScoped.class) Object containerStarted) {
        try {
            startEarly(ConfigProvider.getConfig());
        } catch (RuntimeException e) {
            // a value the runtime configuration rejects (e.g. not a number): start-up reports it, with its key
            LOG.debugf(e, "nothing started early");
        }
    }

    /** Package-private for tests: starts what the configuration allows. */
    static void startEarly(Config config) {
        if (!config.getOptionalValue("anomaly.engine.early-start", Boolean.class).orElse(true)) {
            return; // the model load at start-up starts the engine, after Quarkus's boot
        }
        EngineSettings.apply(
                config.getOptionalValue("anomaly.engine.threads", Integer.class)
                        .orElse(Integer.parseInt(ServingConfig.Engine.DEFAULT_THREADS)),
                config.getOptionalValue("anomaly.engine.interop-threads", Integer.class)
                        .orElse(Integer.parseInt(ServingConfig.Engine.DEFAULT_INTEROP_THREADS)));
        String uri = config.getOptionalValue("anomaly.model.uri", String.class).orElse(ServingConfig.Model.DEFAULT_URI);
        if (uri.startsWith(ModelLoader.CLASSPATH)) {
            long maxBytes = config.getOptionalValue("anomaly.max-artifact-bytes", Long.class)
                    .orElse(Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES));
            Duration deadline = config.getOptionalValue("anomaly.model.load-deadline", Duration.class)
                    .orElse(ModelLoader.DEFAULT_LOAD_DEADLINE);
            if (deadline.compareTo(Duration.ZERO) <= 0) {
                return; // start-up fails on it, naming the key
            }
            ModelLoader loader = new ModelLoader(S3Settings.defaults(), maxBytes, deadline);
            Started previous = STARTED.getAndSet(new Started(uri, maxBytes, deadline, loader.start(uri)));
            discard(previous);
        } else {
            Thread worker = new Thread(EarlyStart::startEngine, "engine-start");
            worker.setDaemon(true); // never keeps a failing JVM alive
            worker.start(); // inherits this thread's context class loader, which DJL's engine lookup uses
        }
    }

    /**
     * The early load of exactly this model, once; {@code null} when there is none or it was made with
     * other settings (that one is then closed when it completes).
     */
    static ModelLoader.Pending take(String uri, long maxArtifactBytes, Duration deadline) {
        Started started = STARTED.getAndSet(null);
        if (started != null && started.uri().equals(uri) && started.maxArtifactBytes() == maxArtifactBytes
                && started.deadline().equals(deadline)) {
            return started.pending();
        }
        discard(started);
        return null;
    }

    private static void discard(Started started) {
        if (started != null) {
            started.pending().result().thenAccept(AnomalyModel::close);
        }
    }

    private static void startEngine() {
        long start = System.nanoTime();
        try {
            Engine.getEngine("PyTorch");
            LOG.infof("PyTorch engine started early, on a background thread, in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Throwable e) {
            // the model load at start-up meets the same failure and reports it (ModelLoadException)
            LOG.debugf(e, "PyTorch engine did not start on the background thread");
        }
    }
}
