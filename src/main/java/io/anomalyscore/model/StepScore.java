package io.anomalyscore.model;

/**
 * The score of one step of a series: that of the window ending at the step.
 *
 * @param index the step's 0-based position in the scored series
 * @param score the window's score; {@code featureErrors} are per channel
 */
public record StepScore(int index, RecordScore score) {}
