package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.storage.S3Settings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Loads the served model once per process, at start-up (Lambda INIT); a failure fails start-up.
 * A load {@link EarlyStart} began with the same settings is awaited instead of starting another.
 */
@Singleton
public class ModelProducer {

    private static final Logger LOG = Logger.getLogger(ModelProducer.class);

    private final AtomicBoolean loaded = new AtomicBoolean();

    @Produces
    @Singleton
    @Startup
    AnomalyModel model(ServingConfig config) {
        long start = System.nanoTime();
        String uri = config.model().uri();
        ModelLoader loader = new ModelLoader(s3Settings(config.s3()), config.maxArtifactBytes(), config.model().loadDeadline());
        EngineSettings.apply(config.engine().threads(), config.engine().interopThreads());
        ModelLoader.Pending early = EarlyStart.take(uri, config.maxArtifactBytes(), config.model().loadDeadline());
        AnomalyModel model = early != null ? loader.await(early) : loader.load(uri);
        loaded.set(true);
        long end = System.nanoTime();
        LOG.infof("Loaded model %s version %s (%s) from %s in %d ms%s", model.manifest().name(),
                model.manifest().version(), model.manifest().detector(), uri,
                (end - (early != null ? early.startNanos() : start)) / 1_000_000,
                early != null ? " (started early; start-up waited " + (end - start) / 1_000_000 + " ms for it)" : "");
        return model;
    }

    void close(@Disposes AnomalyModel model) {
        loaded.set(false);
        model.close();
    }

    /** Whether the model has been loaded (and not closed). */
    public boolean isLoaded() {
        return loaded.get();
    }

    /** Maps the {@code anomaly.s3.*} keys onto the storage package's settings. */
    static S3Settings s3Settings(ServingConfig.S3 s3) {
        return S3Settings.overriding(s3.endpoint(), s3.region(), s3.pathStyle(), s3.maxAttempts(),
                s3.attemptTimeout(), s3.callTimeout());
    }
}
