package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Metrics;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality floors of the shipped defaults (seed 42): validation ROC-AUC read from the published
 * manifest, as computed by the pipeline on the reloaded artifact.
 */
class TrainingQualityTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}: validation ROC-AUC >= {2}")
    @CsvSource({
        "cardio,  autoencoder, 0.90",
        "cardio,  classifier,  0.95",
        "thyroid, autoencoder, 0.85",
        "thyroid, classifier,  0.95",
    })
    void defaultSettingsMeetTheFloor(String dataset, String detector, double floor) throws IOException {
        Path output = dir.resolve(dataset + "-" + detector);
        TrainCommandInputTest.Run run = TrainCommandInputTest.train("--data",
                "src/test/resources/data/" + dataset + ".csv", "--output", output.toString(), "--label", "label",
                "--detector", detector, "-q");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path version = output.resolve(Files.readString(output.resolve("LATEST")).strip());
        ArtifactManifest m = ModelArtifact.read(version, ModelArtifact.DEFAULT_MAX_BYTES).manifest();
        Metrics v = m.evaluation().test();
        System.out.printf("QUALITY %s %s config=%s epochs=%d best=%d test ROC-AUC=%.4f PR-AUC=%.4f F1=%.4f"
                + " threshold=%s%n", dataset, detector, m.detectorConfig(), m.provenance().epochsRun(),
                m.provenance().bestEpoch(), v.rocAuc(), v.averagePrecision(), v.f1(), m.calibration().method());
        assertThat(v.rocAuc()).as("%s %s test ROC-AUC", dataset, detector).isGreaterThanOrEqualTo(floor);
    }
}
