package io.anomalyscore.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a successful {@code POST /v1/score} to a window model.
 *
 * @param model which model scored the series
 * @param threshold the model's anomaly threshold ({@code score >= threshold} is an anomaly)
 * @param window steps per window
 * @param results one result per step that ends a full window, oldest first
 */
public record SeriesResponse(ScoreResponse.ModelRef model, double threshold, int window, List<Step> results) {

    /**
     * The score of one step: that of the window ending at it.
     *
     * @param index the step's 0-based position in the request's {@code series}
     * @param score raw score (mean squared reconstruction error), higher = more anomalous
     * @param percentile share of the training step scores at or below it, in [0, 1]
     * @param anomaly whether the score reaches the threshold
     * @param contributions top channels by share of the window's reconstruction error, when requested
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int index, double score, double percentile, boolean anomaly,
            List<ScoreResponse.Contribution> contributions) {}
}
