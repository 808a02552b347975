package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.DistributionCheck;
import io.anomalyscore.model.RecordScore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores request bodies with the loaded model: bounded read, parse and validate, score the whole
 * batch in one call, shape the response. Stateless and thread-safe.
 */
@ApplicationScoped
public class ScoringService {

    private final AnomalyModel model;
    private final RecordParser parser;
    private final ItemBatchParser batches;
    private final int maxBodyBytes;
    private final Contributions contributions;
    private final ScoreResponse.ModelRef modelRef;
    private final ModelSummary summary;
    private final DistributionCheck distribution;
    private final SeriesScoring series;

    public ScoringService(AnomalyModel model, ServingConfig config) {
        ArtifactManifest manifest = model.manifest();
        this.model = model;
        this.maxBodyBytes = config.maxBodyBytes();
        this.contributions = new Contributions(model.manifest().features(), config.explain().top());
        this.parser = new RecordParser(manifest.features(), model.preprocessor(), manifest.idColumn(),
                config.maxRecords(), maxBodyBytes);
        this.batches = new ItemBatchParser(parser, manifest.features(), model.preprocessor(), manifest.idColumn(),
                config.maxRecords());
        this.distribution = DistributionCheck.of(manifest, model.preprocessor());
        this.modelRef = new ScoreResponse.ModelRef(manifest.name(), manifest.version(), manifest.detector());
        this.summary = ModelSummary.of(model);
        this.series = model.sequential() ? new SeriesScoring(model, parser, config, modelRef) : null;
    }

    /** The served model's summary. */
    public ModelSummary model() {
        return summary;
    }

    /**
     * Scores the request in {@code body} as the model takes it: {@code records} for a record
     * model ({@link ScoreResponse}), a {@code series} for a window model ({@link SeriesResponse}).
     */
    public Object respond(InputStream body, boolean explainParam) {
        return series == null ? score(body, explainParam) : series.score(read(body), explainParam);
    }

    /**
     * Scores the {@code records} request in {@code body}.
     *
     * @param explainParam the {@code explain} query parameter; either it or the body's flag asks
     */
    public ScoreResponse score(InputStream body, boolean explainParam) {
        if (series != null) {
            throw new InvalidRecordsException("this model scores windows of a series: send {\"series\": [...]}",
                    List.of(), 0);
        }
        ScoreRequest request = parser.parse(read(body));
        return score(request, explainParam || Boolean.TRUE.equals(request.explain()));
    }

    /**
     * Scores the Distributed Map batch in {@code body} ({@link ItemBatchParser}): its rows, in item
     * order, with the ids {@code BatchInput} asks for.
     */
    public BatchResponse scoreBatch(InputStream body) {
        if (series != null) {
            throw new InvalidRecordsException("this model scores windows of a series; a Distributed Map batch of"
                    + " CSV rows needs a record model", List.of(), 0);
        }
        ScoreRequest request = batches.parse(read(body));
        return BatchResponse.of(score(request, Boolean.TRUE.equals(request.explain())));
    }

    private ScoreResponse score(ScoreRequest request, boolean explain) {
        // the parser rejected every value the model's preprocessor cannot take (Preprocessor.defect)
        RecordScore[] scores = model.score(request.rows(), explain);
        List<ScoreResponse.Result> results = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            RecordScore s = scores[i];
            List<String> outside = outsideTraining(request.rows()[i]);
            results.add(new ScoreResponse.Result(request.ids().get(i), s.score(), s.percentile(), s.anomalous(),
                    outside != null, outside, explain ? contributions.of(s.featureErrors()) : null));
        }
        return new ScoreResponse(modelRef, model.manifest().threshold(), results);
    }

    /** The names of the features of {@code row} outside the training range, or {@code null} when none. */
    private List<String> outsideTraining(double[] row) {
        List<Integer> outside = distribution.outside(row);
        if (outside.isEmpty()) {
            return null;
        }
        List<String> features = model.manifest().features();
        return outside.stream().map(features::get).toList();
    }

    /** Reads at most {@code maxBodyBytes}; a longer body is refused without reading it all. */
    private byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new PayloadTooLargeException(PayloadTooLargeException.detail(maxBodyBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new MalformedJsonException("the body cannot be read");
        }
    }
}
