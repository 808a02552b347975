package io.anomalyscore.scoring.snapstart;

/**
 * What the SnapStart warm-up did: per path, how long it took and what failed ({@code null} = the
 * reply was a scored result).
 */
public record PrimingReport(long directMs, String directFailure, long httpMs, String httpFailure) {

    public boolean succeeded() {
        return directFailure == null && httpFailure == null;
    }

    /** Fails the checkpoint when a path did not score: a snapshot must not hide a broken function. */
    void requireSuccess() throws org.crac.CheckpointException {
        if (!succeeded()) {
            org.crac.CheckpointException e = new org.crac.CheckpointException();
            e.addSuppressed(new IllegalStateException("SnapStart priming failed: " + this));
            throw e;
        }
    }

    @Override
    public String toString() {
        return "direct invocation " + (directFailure == null ? "scored" : "FAILED (" + directFailure + ")")
                + " in " + directMs + " ms, API Gateway v2 event " + (httpFailure == null ? "scored" : "FAILED ("
                + httpFailure + ")") + " in " + httpMs + " ms";
    }
}
