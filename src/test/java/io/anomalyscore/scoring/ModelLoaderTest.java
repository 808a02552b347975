package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Start-up loading without Quarkus: every supported URI form, and every failure naming the URI
 * and the reason (so the producer fails start-up rather than serving a wrong model).
 */
class ModelLoaderTest {

    private static S3MockApplication s3;
    private static S3Client client;
    private static ModelLoader loader;
    private static String version;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3MockSupport.start();
        String endpoint = S3MockSupport.endpoint(s3);
        client = S3MockSupport.client(endpoint);
        version = Files.readString(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST))
                .replaceAll("(?s).*\"version\" : \"([0-9a-f]+)\".*", "$1");
        S3MockSupport.publishDefaultModel(client, "s3://models/cardio", version);
        loader = new ModelLoader(new S3Settings(Optional.of(endpoint), Optional.of("us-east-1"), true, 2,
                Duration.ofSeconds(5), Duration.ofSeconds(10)), ModelArtifact.DEFAULT_MAX_BYTES);
    }

    @AfterAll
    static void stopS3() {
        if (client != null) {
            client.close();
        }
        if (s3 != null) {
            s3.stop();
        }
    }

    @Test
    void loadsFromTheClasspath() {
        try (AnomalyModel model = loader.load("classpath:default-model")) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void aClasspathArtifactIsCopiedAsItsManifestLists(@TempDir Path dir) throws Exception {
        Path copied = ModelLoader.copyFromClasspath("listed-artifact", dir);
        try (Stream<Path> files = Files.list(copied)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ModelArtifact.MANIFEST, "a.bin", "b.bin");
        }
        assertThatThrownBy(() -> ModelLoader.copyFromClasspath("listed-artifact-incomplete", dir.resolve("x")))
                .hasMessage("classpath resource listed-artifact-incomplete/gone.bin does not exist");
    }

    @Test
    void loadsFromS3LatestAndFromAVersion() {
        try (AnomalyModel latest = loader.load("s3://models/cardio");
                AnomalyModel pinned = loader.load("s3://models/cardio/" + version)) {
            assertThat(latest.manifest().version()).isEqualTo(version);
            assertThat(pinned.manifest().version()).isEqualTo(version);
        }
    }

    @Test
    void loadsFromALocalFolderAndRepository(@TempDir Path dir) throws Exception {
        Path repository = dir.resolve("repo");
        Files.createDirectories(repository.resolve(version));
        for (String file : ModelArtifact.listedFiles(Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)))) {
            Files.copy(CardioRows.DEFAULT_MODEL.resolve(file), repository.resolve(version).resolve(file));
        }
        Files.writeString(repository.resolve("LATEST"), version + "\n");
        try (AnomalyModel fromRepository = loader.load(repository.toString());
                AnomalyModel fromFolder = loader.load(repository.resolve(version).toString())) {
            assertThat(fromRepository.manifest().version()).isEqualTo(fromFolder.manifest().version());
        }
    }

    @Test
    void tamperedWeightsFailWithTheUriAndTheChecksum() throws Exception {
        S3MockSupport.publishDefaultModel(client, "s3://models/tampered", version);
        byte[] weights = Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.WEIGHTS));
        weights[weights.length - 1] ^= 1;
        client.putObject(b -> b.bucket("models").key("tampered/" + version + "/" + ModelArtifact.WEIGHTS),
                RequestBody.fromBytes(weights));
        assertThatThrownBy(() -> loader.load("s3://models/tampered"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("s3://models/tampered")
                .hasMessageContaining("sha256");
    }

    @Test
    void missingLatestFailsWithTheUri() {
        client.putObject(b -> b.bucket("models").key("nolatest/" + version + "/" + ModelArtifact.MANIFEST),
                RequestBody.fromString("{}"));
        assertThatThrownBy(() -> loader.load("s3://models/nolatest"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("s3://models/nolatest")
                .hasMessageContaining("LATEST does not exist");
    }

    @Test
    void unreachableS3FailsAfterRetries() {
        ModelLoader offline = new ModelLoader(new S3Settings(Optional.of("http://127.0.0.1:1"), Optional.of("us-east-1"),
                true, 2, Duration.ofSeconds(1), Duration.ofSeconds(3)), ModelArtifact.DEFAULT_MAX_BYTES);
        assertThatThrownBy(() -> offline.load("s3://models/cardio"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot load the model from s3://models/cardio: ");
    }

    @Test
    void badFormatAndMissingSourcesFail(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ModelArtifact.MANIFEST), "{\"formatVersion\": 99}");
        Files.write(dir.resolve(ModelArtifact.WEIGHTS), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> loader.load(dir.toString()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> loader.load("classpath:no-such-model"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("classpath:no-such-model");
        assertThatThrownBy(() -> loader.load(dir.resolve("absent").toString()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("absent");
    }
}
