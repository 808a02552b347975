package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Calibration;
import io.anomalyscore.model.Metrics;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Train (a few epochs) -> publish -> read -> load: the manifest is complete and honest, the
 * loaded model reproduces the reported calibration and metrics, and training is deterministic.
 */
class ArtifactRoundTripTest {

    static final String CARDIO = "src/test/resources/data/cardio.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path first;
    private static ArtifactManifest manifest;
    private static TabularData data;

    /** Trains with the command and returns the published version folder. */
    static Path train(Path output, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data", CARDIO, "--output", output.toString(), "-q"));
        args.addAll(List.of(extra));
        TrainCommandInputTest.Run run = TrainCommandInputTest.train(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        String version = Files.readString(output.resolve("LATEST")).strip();
        return output.resolve(version);
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        first = train(dir.resolve("one"), "--label", "label", "--epochs", "3", "--seed", "7");
        manifest = ModelArtifact.read(first, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        try (InputStream in = Files.newInputStream(Path.of(CARDIO))) {
            data = new CsvDataReader("label", List.of(), false).read(in, CARDIO);
        }
    }

    @Test
    void manifestFieldsDescribeTheArtifact() throws IOException {
        byte[] weights = Files.readAllBytes(first.resolve(ModelArtifact.WEIGHTS));

        assertThat(manifest.formatVersion()).isEqualTo(2);
        assertThat(manifest.name()).isEqualTo("cardio");
        assertThat(manifest.detector()).isEqualTo("autoencoder");
        assertThat(manifest.features()).containsExactlyElementsOf(
                IntStream.range(0, 21).mapToObj(i -> "f" + i).toList());
        assertThat(manifest.components()).containsExactly(
                new io.anomalyscore.model.Component(ModelArtifact.WEIGHTS, "parameters", Sha256.of(weights)),
                new io.anomalyscore.model.Component("report.html", "report",
                        Sha256.of(Files.readAllBytes(first.resolve("report.html")))));
        assertThat(manifest.detectorConfig().toString()).isEqualTo("{\"hidden\":[64,32,64]}");
        assertThat(first.getFileName().toString()).isEqualTo(manifest.version());
        String contentHash = Sha256.of(ModelArtifact.toJson(manifest.withIdentity("", "", manifest.components())))
                .substring(0, 16);
        assertThat(manifest.version()).isEqualTo(contentHash);
        assertThat(manifest.provenance().rows()).isEqualTo(1831);
        assertThat(manifest.provenance().mode()).isEqualTo("semi-supervised");
        assertThat(manifest.provenance().epochsRun()).isBetween(1, 3);
        assertThat(manifest.provenance().dataSha256()).isEqualTo(Sha256.of(Path.of(CARDIO)));
        assertThat(manifest.provenance().hyperParameters()).containsEntry("seed", "7").containsEntry("epochs", "3")
                .containsEntry("threads", "1").containsEntry("testFraction", "0.2").containsEntry("loss", "mse");
        assertThat(manifest.provenance().testRows()).isEqualTo(366);
        assertThat(manifest.calibration().method()).isEqualTo("f1-validation");
        assertThat(manifest.threshold()).isEqualTo(manifest.calibration().threshold());
    }

    @Test
    void loadedModelReproducesReportedMetricsAndCalibration() {
        DataSplit split = DataSplit.of(data.size(), data.labels(), 0.2, 0.2, 7);
        double[][] validation = DataSplit.select(data.rows(), split.validation());
        int[] validationLabels = DataSplit.select(data.labels(), split.validation());
        double[][] test = DataSplit.select(data.rows(), split.test());
        int[] testLabels = DataSplit.select(data.labels(), split.test());
        double[][] training = DataSplit.select(data.rows(), split.training());
        int[] trainingLabels = DataSplit.select(data.labels(), split.training());
        double[][] normalTraining = IntStream.range(0, training.length).filter(i -> trainingLabels[i] == 0)
                .mapToObj(i -> training[i]).toArray(double[][]::new);

        try (AnomalyModel model = AnomalyModel.load(first, ModelArtifact.DEFAULT_MAX_BYTES)) {
            Metrics v = DetectorEvaluator.evaluate(model.rawScores(validation), validationLabels, manifest.threshold());
            Metrics t = DetectorEvaluator.evaluate(model.rawScores(training), trainingLabels, manifest.threshold());
            Metrics h = DetectorEvaluator.evaluate(model.rawScores(test), testLabels, manifest.threshold());
            assertThat(v).isEqualTo(manifest.evaluation().validation());
            assertThat(t).isEqualTo(manifest.evaluation().training());
            assertThat(h).isEqualTo(manifest.evaluation().test()).isEqualTo(manifest.evaluation().headline());
            assertThat(v.rows()).isEqualTo(366);
            assertThat(v.anomalies()).isEqualTo(35);
            assertThat(h.rows()).isEqualTo(366);
            assertThat(h.anomalies()).isEqualTo(35);
            assertThat(t.rows() + v.rows() + h.rows()).isEqualTo(1831);
            assertThat(manifest.calibration().quantiles())
                    .containsExactly(Calibration.quantilesOf(model.rawScores(normalTraining)));
        }
    }

    @Test
    void loadingTwiceGivesIdenticalScores() {
        double[][] sample = java.util.Arrays.copyOf(data.rows(), 50);
        try (AnomalyModel a = AnomalyModel.load(first, ModelArtifact.DEFAULT_MAX_BYTES);
                AnomalyModel b = AnomalyModel.load(first, ModelArtifact.DEFAULT_MAX_BYTES)) {
            RecordScore[] sa = a.score(sample, true);
            RecordScore[] sb = b.score(sample, true);
            assertThat(sa).usingRecursiveFieldByFieldElementComparator().containsExactly(sb);
            // a row scored alone scores bit for bit as inside a batch (each row is its own forward pass)
            for (int i = 0; i < sample.length; i++) {
                assertThat(a.rawScores(new double[][] {sample[i]})[0]).isEqualTo(sa[i].score());
            }
        }
    }

    @Test
    void sameSeedAndDataGiveTheSameArtifact() throws IOException {
        Path second = train(dir.resolve("two"), "--label", "label", "--epochs", "3", "--seed", "7");

        assertThat(second.getFileName()).isEqualTo(first.getFileName());
        assertThat(Files.readAllBytes(second.resolve(ModelArtifact.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(first.resolve(ModelArtifact.WEIGHTS)));
        ObjectNode a = (ObjectNode) JSON.readTree(first.resolve(ModelArtifact.MANIFEST).toFile());
        ObjectNode b = (ObjectNode) JSON.readTree(second.resolve(ModelArtifact.MANIFEST).toFile());
        a.remove("createdAt");
        b.remove("createdAt");
        assertThat(b).isEqualTo(a);

        Path otherSeed = train(dir.resolve("three"), "--label", "label", "--epochs", "3", "--seed", "8");
        assertThat(otherSeed.getFileName()).isNotEqualTo(first.getFileName());
    }

    @Test
    void classifierArtifactScoresProbabilities() throws IOException {
        Path version = train(dir.resolve("classifier"), "--label", "label", "--detector", "classifier",
                "--epochs", "2");
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().detector()).isEqualTo("classifier");
            assertThat(model.manifest().provenance().mode()).isEqualTo("supervised");
            for (RecordScore s : model.score(java.util.Arrays.copyOf(data.rows(), 20), true)) {
                assertThat(s.score()).isBetween(0.0, 1.0);
                assertThat(s.featureErrors()).isNull();
                assertThat(s.percentile()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void unsupervisedRunUsesContaminationQuantile() throws IOException {
        Path version = train(dir.resolve("unsupervised"), "--epochs", "1", "--contamination", "0.1",
                "--features", "f0,f3,f5");
        ArtifactManifest m = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        assertThat(m.features()).containsExactly("f0", "f3", "f5");
        assertThat(m.provenance().labelColumn()).isNull();
        assertThat(m.evaluation()).isNull();
        assertThat(m.calibration().method()).isEqualTo("contamination-quantile");
        assertThat(m.calibration().contamination()).isEqualTo(0.1);
        assertThat(m.calibration().percentile(m.threshold())).isBetween(0.899, 0.901);
    }
}
