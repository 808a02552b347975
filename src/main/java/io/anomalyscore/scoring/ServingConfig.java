package io.anomalyscore.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the scoring function; on Lambda every key is set through its environment form
 * (e.g. {@code anomaly.model.uri} as {@code ANOMALY_MODEL_URI}).
 */
@ConfigMapping(prefix = "anomaly")
public interface ServingConfig {

    /** The model to serve ({@code anomaly.model.*}). */
    Model model();

    /** {@code anomaly.max-records}: most records in one request (default 1000). */
    @WithDefault("1000")
    int maxRecords();

    /** {@code anomaly.max-series-rows}: most steps in one {@code series} request (default 10000). */
    @WithDefault("10000")
    int maxSeriesRows();

    /** {@code anomaly.max-body-bytes}: largest request body in bytes (default 1048576, 1 MiB). */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** The default of {@code anomaly.max-artifact-bytes} (also read by {@link EarlyStart}). */
    String DEFAULT_MAX_ARTIFACT_BYTES = "268435456";

    /** {@code anomaly.max-artifact-bytes}: largest model artifact in bytes (default 268435456, 256 MiB). */
    @WithDefault(DEFAULT_MAX_ARTIFACT_BYTES)
    long maxArtifactBytes();

    /** PyTorch threads ({@code anomaly.engine.*}). */
    Engine engine();

    /** S3 access for {@code s3://} model URIs ({@code anomaly.s3.*}). */
    S3 s3();

    /** Explanations ({@code anomaly.explain.*}). */
    Explain explain();

    /** The model location. */
    interface Model {
        /**
         * {@code anomaly.model.uri} (env {@code ANOMALY_MODEL_URI}): {@code classpath:<folder>}, a local
         * folder (an artifact or a repository with {@code LATEST}), {@code s3://bucket/prefix} (resolves
         * {@code LATEST}) or {@code s3://bucket/prefix/<version>} (default {@code classpath:default-model}).
         */
        @WithDefault(DEFAULT_URI)
        String uri();

        /** The default of {@code anomaly.model.uri} (also read by {@link EarlyStart}). */
        String DEFAULT_URI = "classpath:default-model";

        /**
         * {@code anomaly.model.load-deadline} (env {@code ANOMALY_MODEL_LOAD_DEADLINE}): the most the
         * whole start-up load may take, every S3 call and retry, checksums and engine start included;
         * past it start-up fails naming the URI (default 20S, below the function's 30 s timeout).
         */
        @WithDefault("20S")
        Duration loadDeadline();
    }

    /** PyTorch thread pools; applied before the engine first loads. */
    interface Engine {
        /** The default of {@code anomaly.engine.threads} (also read by {@link EarlyStart}). */
        String DEFAULT_THREADS = "1";
        /** The default of {@code anomaly.engine.interop-threads}. */
        String DEFAULT_INTEROP_THREADS = "1";

        /** {@code anomaly.engine.threads}: intra-op threads, 0 = one per core (default 1). */
        @WithDefault(DEFAULT_THREADS)
        int threads();

        /** {@code anomaly.engine.interop-threads}: inter-op threads, 0 = PyTorch's default (default 1). */
        @WithDefault(DEFAULT_INTEROP_THREADS)
        int interopThreads();

        /**
         * {@code anomaly.engine.early-start}: start the engine on a background thread as soon as the
         * CDI container exists, and a {@code classpath:} model's load with it, overlapping Quarkus's boot ({@link EarlyStart}; default true).
         */
        @WithDefault("true")
        boolean earlyStart();
    }

    /**
     * How to reach S3; an unset key keeps the default of {@link io.anomalyscore.storage.S3Settings#defaults()},
     * which owns them.
     */
    interface S3 {
        /** {@code anomaly.s3.endpoint}: endpoint override for S3-compatible stores (default: none, AWS). */
        Optional<String> endpoint();

        /** {@code anomaly.s3.region}: region override (default: none, the AWS region chain). */
        Optional<String> region();

        /** {@code anomaly.s3.path-style}: path-style addressing. */
        Optional<Boolean> pathStyle();

        /** {@code anomaly.s3.max-attempts}: attempts per call, the first included. */
        Optional<Integer> maxAttempts();

        /** {@code anomaly.s3.attempt-timeout}: time limit of one attempt. */
        Optional<Duration> attemptTimeout();

        /** {@code anomaly.s3.call-timeout}: time limit of one call, retries included. */
        Optional<Duration> callTimeout();
    }

    /** Per-feature contributions of autoencoder scores. */
    interface Explain {
        /** {@code anomaly.explain.top}: contributions returned per record (default 5). */
        @WithDefault("5")
        int top();
    }
}
