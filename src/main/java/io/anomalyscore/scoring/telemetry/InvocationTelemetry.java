package io.anomalyscore.scoring.telemetry;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import org.jboss.logging.Logger;

/**
 * Records every scoring request once, as configured by {@link TelemetryConfig}: a JSON line on
 * standard output (with EMF metrics) on Lambda, a plain INFO line in dev mode and tests.
 */
@ApplicationScoped
public class InvocationTelemetry {

    private static final Logger LOG = Logger.getLogger(InvocationTelemetry.class);

    private final boolean json;
    private final boolean line;
    private final InvocationLine format;
    private final String name;
    private final String version;
    private final String detector;
    private final PrintStream out;

    @Inject
    public InvocationTelemetry(TelemetryConfig config, AnomalyModel model) {
        this(config, model.manifest(), System.out);
    }

    InvocationTelemetry(TelemetryConfig config, ArtifactManifest manifest, PrintStream out) {
        this.json = config.json();
        this.line = config.json() || config.metrics();
        this.format = new InvocationLine(config.metrics() ? config.namespace() : null);
        this.name = manifest.name();
        this.version = manifest.version();
        this.detector = manifest.detector();
        this.out = out;
    }

    /**
     * Records one request.
     *
     * @param startNanos {@link System#nanoTime()} when the request reached the resource
     */
    public void record(String requestId, Invocation.Outcome outcome, int records, int anomalies, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        Invocation invocation = new Invocation(requestId, name, version, detector, outcome, records, anomalies,
                millis, System.currentTimeMillis());
        if (line) {
            out.println(format.json(invocation)); // PrintStream.println writes the line under its lock
        }
        if (!json) {
            LOG.info(InvocationLine.plain(invocation));
        }
    }
}
