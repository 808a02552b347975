package io.anomalyscore.scoring.snapstart;

import io.anomalyscore.model.AnomalyModel;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised execution environment
 * (CRaC {@code beforeCheckpoint}, called by the runtime interface client when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), one scoring call through the direct-invocation
 * path and one through the API Gateway HTTP path, both through the Lambda handler itself, so that
 * their classes, Jackson serialisers, the REST routing and libtorch's first forward pass are in the
 * snapshot.
 *
 * <p>By then Quarkus has started and the model is loaded: with Quarkus's SnapStart support (on by
 * default with the Lambda extensions, {@code quarkus.snapstart.full-warmup=true}) the handler's
 * constructor starts the application during INIT. Nothing unique is created here: the warm-up
 * records are zeros, the request ids are fixed strings. Without a CRaC runtime (a plain JVM, or
 * Lambda without SnapStart) the resource is registered and never called.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

    private final AnomalyModel model;
    private volatile PrimingReport last;

    /** Injecting the model makes it load before this bean registers. */
    public SnapStartPriming(AnomalyModel model) {
        this.model = model;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this); // CRaC keeps a weak reference: this singleton holds it
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        PrimingReport report = new Priming(model.manifest().features().size(), model.sequential()
                ? model.input().length() : 0).run();
        last = report;
        LOG.infof("SnapStart priming before the snapshot: %s", report);
        report.requireSuccess();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        LOG.info("SnapStart: restored from the snapshot");
    }

    /** The last priming's outcome, {@code null} before the first checkpoint. */
    public PrimingReport lastReport() {
        return last;
    }
}
