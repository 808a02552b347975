package io.anomalyscore.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of a successful {@code POST /v1/score}.
 *
 * @param model which model scored the records
 * @param threshold the model's anomaly threshold ({@code score >= threshold} is an anomaly)
 * @param results one result per record, in request order
 */
public record ScoreResponse(ModelRef model, double threshold, List<Result> results) {

    /**
     * The model's identity.
     *
     * @param name model name
     * @param version artifact version (content hash)
     * @param detector {@code autoencoder} or {@code classifier}
     */
    public record ModelRef(String name, String version, String detector) {}

    /**
     * The score of one record.
     *
     * @param id the record's id as sent, when the model has an id column and the record carries it
     * @param score raw score, higher = more anomalous
     * @param percentile share of the training scores at or below it, in [0, 1]
     * @param anomaly whether the score reaches the threshold
     * @param outOfDistribution whether any feature lies outside the model's training range (its
     *     score then says little: the detector never saw such values)
     * @param outsideTraining the features outside the training range, in feature order, when any
     * @param contributions top features by share of the reconstruction error, when requested
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "score", "percentile", "anomaly", "outOfDistribution", "outsideTraining", "contributions"})
    public record Result(JsonNode id, double score, double percentile, boolean anomaly, boolean outOfDistribution,
            List<String> outsideTraining, List<Contribution> contributions) {

        /** A result without id, inside the training range. */
        public Result(double score, double percentile, boolean anomaly, List<Contribution> contributions) {
            this(null, score, percentile, anomaly, false, null, contributions);
        }
    }

    /**
     * One feature's part of an autoencoder score.
     *
     * @param feature feature name
     * @param share its squared reconstruction error divided by the sum over all features
     */
    public record Contribution(String feature, double share) {}
}
