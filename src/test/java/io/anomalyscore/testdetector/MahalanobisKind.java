package io.anomalyscore.testdetector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorFitter;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.StoredDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A test-only detector with no network: squared Mahalanobis distance to the mean of the fitted
 * rows, the covariance regularised by a ridge. It exists to prove that a detector is its own
 * files plus one registry line ({@code src/test/resources/META-INF/services/...DetectorKind}):
 * it trains through the real pipeline, is written and reloaded as an artifact (its statistics
 * as a JSON {@code data} component) and is served by {@code POST /v1/score}.
 */
public final class MahalanobisKind implements DetectorKind {

    static final String NAME = "mahalanobis";
    static final String COMPONENT = "mahalanobis.json";
    static final double RIDGE = 1e-3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test only: squared Mahalanobis distance to the training mean";
    }

    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public DetectorFitter fitter() {
        return (data, settings, progress) -> {
            MahalanobisStatistics stats = MahalanobisStatistics.fit(data.fit(), RIDGE);
            progress.line("fitted mahalanobis on " + data.fit().length + " rows");
            ObjectNode config = JSON.createObjectNode().put("ridge", RIDGE);
            return new FittedDetector(config, List.of(new FittedDetector.Part(COMPONENT, "data", stats.toJson())),
                    0, 0);
        };
    }

    @Override
    public Detector load(StoredDetector stored) {
        JsonNode ridge = stored.config().get("ridge");
        if (ridge == null || !ridge.isNumber()) {
            throw new IllegalArgumentException("mahalanobis config needs a numeric ridge");
        }
        try {
            MahalanobisStatistics stats = MahalanobisStatistics.of(JSON.readTree(stored.component(COMPONENT)));
            if (stats.width() != stored.input().size()) {
                throw new IllegalArgumentException("statistics for " + stats.width() + " features, input has "
                        + stored.input().size());
            }
            return new MahalanobisDetector(stored.input(), stats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
