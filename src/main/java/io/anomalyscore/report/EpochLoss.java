package io.anomalyscore.report;

/**
 * The losses of one finished training epoch.
 *
 * @param epoch 1-based epoch number
 * @param training mean loss over the fitted rows
 * @param validation mean loss over the early-stopping rows, NaN when there were none
 */
public record EpochLoss(int epoch, double training, double validation) {}
