package io.anomalyscore.scoring.telemetry;

import java.time.Instant;

/**
 * Formats an {@link Invocation} as one JSON log line, optionally carrying CloudWatch Embedded
 * Metric Format metadata ({@code _aws}) so that CloudWatch Logs extracts metrics from the same
 * line; and as a plain log message for dev mode. The members are documented in docs/REFERENCE.md
 * (Logs and metrics).
 */
public final class InvocationLine {

    /** Dimension names, in the one dimension set every metric is recorded under. */
    public static final String MODEL_NAME = "ModelName";
    public static final String MODEL_VERSION = "ModelVersion";
    /** Metric names (CloudWatch units in {@link #directive}). */
    public static final String RECORDS_SCORED = "RecordsScored";
    public static final String ANOMALIES_FLAGGED = "AnomaliesFlagged";
    public static final String SCORING_LATENCY = "ScoringLatency";
    public static final String REQUESTS_REJECTED = "RequestsRejected";
    public static final String REQUESTS_FAILED = "RequestsFailed";

    private final String directive;

    /** A formatter for {@code namespace}, or without metrics when {@code namespace} is {@code null}. */
    public InvocationLine(String namespace) {
        this.directive = namespace == null ? null : directive(namespace);
    }

    /** The JSON line (no trailing newline). */
    public String json(Invocation i) {
        JsonLine line = new JsonLine()
                .text("timestamp", Instant.ofEpochMilli(i.epochMillis()).toString())
                .text("level", i.outcome() == Invocation.Outcome.FAILED ? "ERROR" : "INFO")
                .text("logger", InvocationLine.class.getPackageName())
                .text("message", i.outcome().word())
                .text("requestId", i.requestId())
                .text("outcome", i.outcome().word())
                .text("detector", i.detector())
                .text(MODEL_NAME, i.modelName())
                .text(MODEL_VERSION, i.modelVersion())
                .number(RECORDS_SCORED, i.records())
                .number(ANOMALIES_FLAGGED, i.anomalies())
                .number(SCORING_LATENCY, i.durationMillis())
                .number(REQUESTS_REJECTED, i.outcome() == Invocation.Outcome.REJECTED ? 1 : 0)
                .number(REQUESTS_FAILED, i.outcome() == Invocation.Outcome.FAILED ? 1 : 0);
        if (directive != null) {
            line.raw("_aws", "{\"Timestamp\":" + i.epochMillis() + ",\"CloudWatchMetrics\":[" + directive + "]}");
        }
        return line.end();
    }

    /** The plain message for dev mode and tests (the log format adds time and level). */
    public static String plain(Invocation i) {
        return String.format(java.util.Locale.ROOT, "%s: %d records, %d anomalous, model %s %s, %.1f ms, request %s",
                i.outcome().word(), i.records(), i.anomalies(), i.modelName(), i.modelVersion(), i.durationMillis(),
                i.requestId() == null ? "-" : i.requestId());
    }

    /** The one metric directive, fixed per namespace, so it is built once. */
    private static String directive(String namespace) {
        if (namespace.isEmpty() || namespace.length() > 255) {
            throw new IllegalArgumentException("a CloudWatch namespace has 1 to 255 characters, not " + namespace.length());
        }
        String name = new JsonLine().text("n", namespace).end();
        return "{\"Namespace\":" + name.substring(5, name.length() - 1)
                + ",\"Dimensions\":[[\"" + MODEL_NAME + "\",\"" + MODEL_VERSION + "\"]]"
                + ",\"Metrics\":["
                + metric(RECORDS_SCORED, "Count") + "," + metric(ANOMALIES_FLAGGED, "Count") + ","
                + metric(SCORING_LATENCY, "Milliseconds") + "," + metric(REQUESTS_REJECTED, "Count") + ","
                + metric(REQUESTS_FAILED, "Count") + "]}";
    }

    private static String metric(String name, String unit) {
        return "{\"Name\":\"" + name + "\",\"Unit\":\"" + unit + "\"}";
    }
}
