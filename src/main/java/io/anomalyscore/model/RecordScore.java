package io.anomalyscore.model;

/**
 * The score of one record.
 *
 * @param score raw score, higher = more anomalous (reconstruction error or probability)
 * @param percentile share of the training score distribution at or below {@code score}
 * @param anomalous {@code score >= threshold}
 * @param featureErrors per-feature attributions (the autoencoder's squared reconstruction errors) when
 *     asked for and the detector has them, else {@code null}
 */
public record RecordScore(double score, double percentile, boolean anomalous, double[] featureErrors) {}
