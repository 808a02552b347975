package io.anomalyscore.scoring.telemetry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Invocation logs and metrics ({@code anomaly.telemetry.*}); on Lambda through the environment
 * form ({@code ANOMALY_TELEMETRY_JSON}, ...). application.properties turns both off in dev mode and
 * tests, where a plain log line is written instead.
 */
@ConfigMapping(prefix = "anomaly.telemetry")
public interface TelemetryConfig {

    /**
     * {@code anomaly.telemetry.json}: one JSON line per scoring request on standard output
     * (default true; false in the dev and test profiles, which log a plain line instead).
     */
    @WithDefault("true")
    boolean json();

    /**
     * {@code anomaly.telemetry.metrics}: add CloudWatch Embedded Metric Format metadata to that
     * line, so CloudWatch records its counts as metrics (default true; false in dev and test). With
     * {@code json=false} the line is still written, beside the plain one.
     */
    @WithDefault("true")
    boolean metrics();

    /** {@code anomaly.telemetry.namespace}: the CloudWatch metric namespace (default {@code AnomalyScorer}). */
    @WithDefault("AnomalyScorer")
    String namespace();
}
