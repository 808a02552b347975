package io.anomalyscore.report;

/**
 * How much of the scores one feature (or channel) accounts for.
 *
 * @param feature feature or channel name
 * @param share its share, between 0 and 1; the shares of all features sum to 1
 */
public record FeatureShare(String feature, double share) {}
