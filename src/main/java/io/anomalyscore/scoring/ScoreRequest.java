package io.anomalyscore.scoring;

/**
 * A validated scoring request.
 *
 * @param rows raw values in the model's feature order (NaN = missing, only with an imputer)
 * @param explain the body's {@code explain} flag, or {@code null} when absent
 */
public record ScoreRequest(double[][] rows, Boolean explain) {}
