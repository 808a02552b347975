package io.anomalyscore.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach S3: the default AWS credential chain and region, plus overrides for
 * S3-compatible stores and tests, and the retry and time budget.
 *
 * @param endpoint endpoint override (e.g. {@code http://127.0.0.1:9090}), or empty for AWS
 * @param region region override, or empty for the default region chain
 * @param pathStyle use path-style addressing (S3-compatible stores)
 * @param maxAttempts attempts per call, first one included (retries with backoff between)
 * @param attemptTimeout time limit of one attempt
 * @param callTimeout time limit of one call, all attempts included
 */
public record S3Settings(Optional<String> endpoint, Optional<String> region, boolean pathStyle,
        int maxAttempts, Duration attemptTimeout, Duration callTimeout) {

    /** AWS defaults: 3 attempts, 10 s per attempt, 30 s per call. */
    public static S3Settings defaults() {
        return new S3Settings(Optional.empty(), Optional.empty(), false, 3, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** Reads overrides from the environment: {@code ANOMALY_S3_ENDPOINT}, {@code ANOMALY_S3_PATH_STYLE}. */
    public static S3Settings fromEnvironment() {
        S3Settings d = defaults();
        return new S3Settings(
                Optional.ofNullable(System.getenv("ANOMALY_S3_ENDPOINT")).filter(s -> !s.isBlank()),
                Optional.ofNullable(System.getenv("ANOMALY_S3_REGION")).filter(s -> !s.isBlank()),
                Boolean.parseBoolean(System.getenv("ANOMALY_S3_PATH_STYLE")),
                d.maxAttempts(), d.attemptTimeout(), d.callTimeout());
    }
}
