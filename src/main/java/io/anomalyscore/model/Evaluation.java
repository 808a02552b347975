package io.anomalyscore.model;

/**
 * Metrics of the shipped model on the training and validation splits (labelled data only).
 *
 * @param training metrics on the training split
 * @param validation metrics on the validation split, or {@code null} when it has no rows
 */
public record Evaluation(Metrics training, Metrics validation) {}
