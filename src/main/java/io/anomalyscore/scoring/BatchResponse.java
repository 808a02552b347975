package io.anomalyscore.scoring;

import java.util.List;

/**
 * The answer to a Distributed Map batch: the body of {@link ScoreResponse} plus two counts, so
 * that the map run's result files can be summed without opening every result.
 *
 * @param model which model scored the rows
 * @param threshold the model's anomaly threshold
 * @param rows how many rows the batch held (= {@code results.size()})
 * @param anomalies how many of them reach the threshold
 * @param results one result per item, in item order; {@code id} is the row's id column, as text
 */
public record BatchResponse(ScoreResponse.ModelRef model, double threshold, int rows, int anomalies,
        List<ScoreResponse.Result> results) {

    /** The batch answer for {@code scored}, the response to the batch's rows. */
    static BatchResponse of(ScoreResponse scored) {
        int anomalies = (int) scored.results().stream().filter(ScoreResponse.Result::anomaly).count();
        return new BatchResponse(scored.model(), scored.threshold(), scored.results().size(), anomalies,
                scored.results());
    }
}
