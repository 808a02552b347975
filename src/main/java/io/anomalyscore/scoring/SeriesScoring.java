package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.StepScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores {@code series} request bodies with a window model: parse and validate, score every
 * window of the request in one call, shape the response. Stateless: the caller sends the context
 * it wants scored.
 */
final class SeriesScoring {

    private final AnomalyModel model;
    private final SeriesParser parser;
    private final ScoreResponse.ModelRef modelRef;
    private final Contributions contributions;

    SeriesScoring(AnomalyModel model, RecordParser json, ServingConfig config, ScoreResponse.ModelRef modelRef) {
        ArtifactManifest manifest = model.manifest();
        this.model = model;
        this.parser = new SeriesParser(json, manifest.features(), model.preprocessor(), model.input().length(),
                config.maxSeriesRows());
        this.modelRef = modelRef;
        this.contributions = new Contributions(model.manifest().features(), config.explain().top());
    }

    SeriesResponse score(byte[] body, boolean explainParam) {
        ScoreRequest request = parser.parse(body);
        boolean explain = explainParam || Boolean.TRUE.equals(request.explain());
        StepScore[] scores;
        try {
            scores = model.scoreSeries(request.rows(), explain);
        } catch (IllegalArgumentException e) {
            // the validator checks the same conditions; this is a safety net, not the normal path
            throw new InvalidRecordsException("a step cannot be preprocessed: " + e.getMessage(), List.of(), 1);
        }
        List<SeriesResponse.Step> results = new ArrayList<>(scores.length);
        for (StepScore s : scores) {
            results.add(new SeriesResponse.Step(s.index(), s.score().score(), s.score().percentile(),
                    s.score().anomalous(), explain ? contributions.of(s.score().featureErrors()) : null));
        }
        return new SeriesResponse(modelRef, model.manifest().threshold(), model.input().length(), results);
    }
}
