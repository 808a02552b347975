package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.storage.S3Settings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Loads the served model once per process, at start-up (Lambda INIT); a failure fails start-up.
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
        AnomalyModel model = new ModelLoader(s3Settings(config.s3()), config.maxArtifactBytes(), config.model().loadDeadline())
                .load(uri, config.engine().threads(), config.engine().interopThreads());
        loaded.set(true);
        LOG.infof("Loaded model %s version %s (%s) from %s in %d ms", model.manifest().name(),
                model.manifest().version(), model.manifest().detector(), uri, (System.nanoTime() - start) / 1_000_000);
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
