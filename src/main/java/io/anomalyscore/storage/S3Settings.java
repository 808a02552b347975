package io.anomalyscore.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach S3: the default AWS credential chain and region, plus overrides for
 * S3-compatible stores and tests, and the retry and time budget. This record owns the defaults;
 * the serving configuration ({@code anomaly.s3.*}) and the training command's environment ({@code
 * ANOMALY_S3_*}, the same names Quarkus maps those keys from) both go through {@link #overriding}.
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

    public S3Settings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("S3 max-attempts must be at least 1, not " + maxAttempts);
        }
        if (attemptTimeout.compareTo(Duration.ZERO) <= 0 || callTimeout.compareTo(Duration.ZERO) <= 0) {
            throw new IllegalArgumentException("S3 attempt-timeout and call-timeout must be positive, not "
                    + attemptTimeout + " and " + callTimeout);
        }
    }

    /**
     * AWS defaults: no endpoint or region override, virtual-hosted-style addressing, 3 attempts,
     * 10 s per attempt, 30 s per call.
     */
    public static S3Settings defaults() {
        return new S3Settings(Optional.empty(), Optional.empty(), false, 3, Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** The defaults, each replaced by its override where one is present; a blank endpoint or region counts as none. */
    public static S3Settings overriding(Optional<String> endpoint, Optional<String> region, Optional<Boolean> pathStyle,
            Optional<Integer> maxAttempts, Optional<Duration> attemptTimeout, Optional<Duration> callTimeout) {
        S3Settings d = defaults();
        return new S3Settings(endpoint.filter(s -> !s.isBlank()), region.filter(s -> !s.isBlank()),
                pathStyle.orElse(d.pathStyle()), maxAttempts.orElse(d.maxAttempts()),
                attemptTimeout.orElse(d.attemptTimeout()), callTimeout.orElse(d.callTimeout()));
    }

    /**
     * Reads overrides from the process environment: {@code ANOMALY_S3_ENDPOINT}, {@code _REGION},
     * {@code _PATH_STYLE}, {@code _MAX_ATTEMPTS}, {@code _ATTEMPT_TIMEOUT}, {@code _CALL_TIMEOUT}.
     */
    public static S3Settings fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    /**
     * Reads overrides through {@code env} (variable name to value, {@code null} when unset).
     * Durations take the forms the serving configuration accepts: {@code 10S}, {@code PT10S},
     * {@code 10} (seconds) or {@code 500ms}.
     */
    static S3Settings fromEnvironment(Function<String, String> env) {
        EnvironmentValues values = new EnvironmentValues(env);
        return overriding(values.text("endpoint"), values.text("region"), values.bool("path-style"),
                values.integer("max-attempts"), values.duration("attempt-timeout"), values.duration("call-timeout"));
    }
}
