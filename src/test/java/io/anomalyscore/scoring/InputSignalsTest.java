package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ManifestSealer;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.TrainingRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a result says besides the score: the out-of-distribution flag and the features behind it
 * (bounds stored by training, or the legacy bound for manifests without them), and the record's
 * id echoed for a model trained with an id column.
 */
class InputSignalsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    @Test
    void aValueFarOutsideTheTrainingDataIsScoredAndFlaggedWithItsFeature() throws IOException {
        try (AnomalyModel model = AnomalyModel.load(CardioRows.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().trainingRange()).as("the shipped model stores its bounds").isNotNull();
            ScoringService service = new ScoringService(model, config());
            double[] normal = CardioRows.first(1)[0];
            double[] far = normal.clone();
            far[2] = 1e9;
            List<ScoreResponse.Result> results = score(service, CardioRows.bodyByName(normal, far));
            String feature = model.manifest().features().get(2);

            assertThat(results.get(0).outOfDistribution()).isFalse();
            assertThat(results.get(0).outsideTraining()).isNull();
            assertThat(results.get(1).outOfDistribution()).isTrue();
            assertThat(results.get(1).outsideTraining()).containsExactly(feature);
            assertThat(results.get(1).anomaly()).as("still scored").isTrue();
            String json = new ObjectMapper().writeValueAsString(results.get(1));
            assertThat(json).contains("\"outOfDistribution\":true,\"outsideTraining\":[\"" + feature + "\"]");
        }
    }

    @Test
    void everyTrainingRowLiesInsideTheStoredBounds() throws IOException {
        try (AnomalyModel model = AnomalyModel.load(CardioRows.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            ScoringService service = new ScoringService(model, config());
            double[][] rows = CardioRows.all();
            for (int from = 0; from < rows.length; from += 50) {
                double[][] batch = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 50));
                assertThat(score(service, CardioRows.bodyByName(batch)))
                        .noneMatch(ScoreResponse.Result::outOfDistribution);
            }
        }
    }

    @Test
    void aManifestWithoutBoundsGetsTheLegacyBound() throws IOException {
        Path legacy = variant(m -> m.remove("trainingRange"));
        try (AnomalyModel model = AnomalyModel.load(legacy, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().trainingRange()).isNull();
            ScoringService service = new ScoringService(model, config());
            double mean = model.manifest().preprocessing().mean()[2];
            double scale = model.manifest().preprocessing().scale()[2];
            double[] inside = CardioRows.first(1)[0].clone();
            inside[2] = mean + 0.9 * TrainingRange.LEGACY_BOUND * scale;
            double[] outside = inside.clone();
            outside[2] = mean + 1.1 * TrainingRange.LEGACY_BOUND * scale;
            assertThat(score(service, CardioRows.bodyByName(inside, outside)))
                    .extracting(ScoreResponse.Result::outOfDistribution).containsExactly(false, true);
        }
    }

    @Test
    void theIdColumnIsEchoedForRecordObjectsThatCarryIt() throws IOException {
        Path withId = variant(m -> m.put("idColumn", "patient"));
        try (AnomalyModel model = AnomalyModel.load(withId, ModelArtifact.DEFAULT_MAX_BYTES)) {
            ScoringService service = new ScoringService(model, config());
            assertThat(service.model().idColumn()).isEqualTo("patient");
            double[] row = CardioRows.first(1)[0];
            Map<String, Object> text = new java.util.LinkedHashMap<>(CardioRows.byName(row));
            text.put("patient", "p-17");
            Map<String, Object> number = new java.util.LinkedHashMap<>(CardioRows.byName(row));
            number.put("patient", 42);
            Map<String, Object> body = Map.of("records", List.of(text, number, CardioRows.byName(row), row));

            List<ScoreResponse.Result> results = score(service, body);
            assertThat(results.get(0).id().asText()).isEqualTo("p-17");
            assertThat(results.get(1).id().asInt()).isEqualTo(42);
            assertThat(results.get(2).id()).as("no id sent").isNull();
            assertThat(results.get(3).id()).as("array record").isNull();
            assertThat(new ObjectMapper().writeValueAsString(results.get(0))).startsWith("{\"id\":\"p-17\",\"score\":");

            text.put("patient", Map.of("nested", 1));
            assertThatThrownBy(() -> score(service, Map.of("records", List.of(text))))
                    .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors())
                            .containsExactly(new RecordError(0, "patient",
                                    "the id must be a string or a number, got an object")));
        }
        try (AnomalyModel model = AnomalyModel.load(CardioRows.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            Map<String, Object> record = new java.util.LinkedHashMap<>(CardioRows.byName(CardioRows.first(1)[0]));
            record.put("patient", "p-17");
            assertThatThrownBy(() -> score(new ScoringService(model, config()), Map.of("records", List.of(record))))
                    .as("a model without id column").isInstanceOfSatisfying(InvalidRecordsException.class,
                            e -> assertThat(e.errors()).containsExactly(new RecordError(0, "patient", "unknown feature")));
        }
    }

    private static List<ScoreResponse.Result> score(ScoringService service, Map<String, Object> body)
            throws IOException {
        byte[] bytes = new ObjectMapper().writeValueAsBytes(body);
        return service.score(new ByteArrayInputStream(bytes), false).results();
    }

    /** The default model with an edited, resealed manifest. */
    private Path variant(Consumer<ObjectNode> edit) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("variant"));
        Files.copy(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.WEIGHTS), copy.resolve(ModelArtifact.WEIGHTS));
        ObjectNode manifest = (ObjectNode) JSON.readTree(
                Files.readString(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST), StandardCharsets.UTF_8));
        edit.accept(manifest);
        Files.write(copy.resolve(ModelArtifact.MANIFEST), JSON.writeValueAsBytes(ManifestSealer.reseal(manifest)));
        return copy;
    }

    private static ServingConfig config() {
        return new ServingConfig() {
            public Model model() {
                return new Model() {
                    public String uri() {
                        return "classpath:default-model";
                    }

                    public java.time.Duration loadDeadline() {
                        return ModelLoader.DEFAULT_LOAD_DEADLINE;
                    }
                };
            }

            public int maxRecords() {
                return 100;
            }

            @Override
            public int maxSeriesRows() {
                return 10_000;
            }

            public int maxBodyBytes() {
                return 1 << 20;
            }

            public long maxArtifactBytes() {
                return ModelArtifact.DEFAULT_MAX_BYTES;
            }

            public Engine engine() {
                return null;
            }

            public S3 s3() {
                return null;
            }

            public Explain explain() {
                return () -> 5;
            }
        };
    }
}
