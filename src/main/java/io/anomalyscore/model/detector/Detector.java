package io.anomalyscore.model.detector;

/**
 * A trained detector, ready to score preprocessed inputs; safe to share between threads.
 *
 * <p>It knows nothing of thresholds, calibration or HTTP (in PyOD's terms it is the {@code
 * decision_function}): it turns inputs into raw scores, higher = more anomalous, and optionally
 * into per-feature attributions. A network detector runs its DJL block here; each call must
 * release every native array it creates before it returns.
 */
public interface Detector extends AutoCloseable {

    /** What one input is. */
    InputShape input();

    /** Whether {@link #score} can return per-feature attributions. */
    boolean attributes();

    /**
     * Scores {@code inputs}, each of {@link InputShape#size()} floats; a score must not depend on
     * the other inputs of the call.
     *
     * @param attribute whether to return attributions (ignored when {@link #attributes()} is false)
     */
    Scored score(float[][] inputs, boolean attribute);

    /** Releases native memory; the detector cannot score afterwards. */
    @Override
    void close();

    /**
     * Raw scores of one call.
     *
     * @param scores one raw score per input, higher = more anomalous
     * @param attributions per input, one non-negative value per feature whose sum is the share of
     *     the score each feature explains; {@code null} when not asked for or not supported
     */
    record Scored(double[] scores, double[][] attributions) {}
}
