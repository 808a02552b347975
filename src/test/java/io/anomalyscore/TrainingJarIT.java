package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.deploy.TrainingJar;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.RecordScore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code target/anomaly-train.jar} as a shipped tool: {@code java -jar} in a separate process, no Maven
 * and no test classpath. Its contents (no Quarkus, no scoring code, merged service files), its help, a
 * real training run on the bundled cardio data into a folder (the artifact then loads and scores here),
 * the models command from the same jar, a bad CSV (exit 2 naming file, line and column, nothing
 * written), and a run that reads {@code s3://} data and publishes to {@code s3://} on an in-process
 * S3Mock, reached through the default credential chain (environment keys) and the {@code ANOMALY_S3_*}
 * overrides.
 */
class TrainingJarIT {

    private static final String CARDIO = "src/test/resources/data/cardio.csv";
    private static final String KINDS = "META-INF/services/io.anomalyscore.model.detector.DetectorKind";

    @RegisterExtension
    static final S3MockExtension S3 = s3Mock();

    private static TrainingJar jar;
    private static S3Client s3;

    @TempDir
    Path dir;

    private static S3MockExtension s3Mock() {
        // S3Mock's Spring Boot would insist on Logback, but the JBoss log manager owns SLF4J here
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3MockExtension.builder().silent().withSecureConnection(false).withInitialBuckets("data", "models")
                .withProperty("com.adobe.testing.s3mock.region", "us-east-1").build();
    }

    @BeforeAll
    static void setUp() {
        System.setProperty("ai.djl.offline", "true"); // the artifact is loaded in this JVM too
        jar = TrainingJar.packaged();
        s3 = S3Client.builder().endpointOverride(URI.create(S3.getServiceEndpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void tearDown() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void jarCarriesTheTrainingCodeLibtorchAndMergedServiceFilesButNoQuarkus() throws IOException {
        try (JarFile file = new JarFile(jar.jar().toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.anomalyscore.training.TrainingLauncher");
            List<String> names = file.stream().map(e -> e.getName()).toList();
            assertThat(names).as("libtorch of linux-x86_64, as in function.zip")
                    .contains("pytorch/cpu/linux-x86_64/libtorch_cpu.so", "native/lib/pytorch.properties",
                            "jnilib/linux-x86_64/cpu/libdjl_torch.so");
            assertThat(names).as("no Quarkus, no scoring function, no bundled default model")
                    .noneMatch(n -> n.startsWith("io/quarkus/") || n.startsWith("io/vertx/")
                            || n.startsWith("io/anomalyscore/scoring/") || n.startsWith("default-model/"))
                    .contains("io/anomalyscore/training/TrainCommand.class",
                            "io/anomalyscore/storage/S3ArtifactStore.class");
            assertThat(serviceLines(file, KINDS)).as("every detector the project registers")
                    .containsExactlyInAnyOrderElementsOf(projectServiceLines(KINDS));
            assertThat(serviceLines(file, "META-INF/services/ai.djl.engine.EngineProvider"))
                    .contains("ai.djl.pytorch.engine.PtEngineProvider");
            assertThat(serviceLines(file, "META-INF/services/software.amazon.awssdk.http.SdkHttpService"))
                    .contains("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        }
    }

    @Test
    void helpListsTheOptionsAndPointsAtTheModelsCommand() throws Exception {
        TrainingJar.Run help = jar.run(dir, Map.of(), "--help");
        assertThat(help.exitCode()).as(help.describe()).isZero();
        assertThat(help.out()).contains("--data=CSV", "--output=DEST", "Exit codes:", "models --repository REPO");

        TrainingJar.Run models = jar.run(dir, Map.of(), "models", "--help");
        assertThat(models.exitCode()).as(models.describe()).isZero();
        assertThat(models.out()).contains("list", "promote", "rollback");

        TrainingJar.Run detectors = jar.run(dir, Map.of(), "--list-detectors");
        assertThat(detectors.exitCode()).as(detectors.describe()).isZero();
        assertThat(detectors.out()).contains("autoencoder", "classifier", "deep-isolation-forest", "conv-autoencoder",
                "lstm-autoencoder", "transformer-autoencoder");
    }

    @Test
    void trainsIntoAFolderAndTheArtifactLoads() throws Exception {
        Path models = dir.resolve("models");
        TrainingJar.Run run = jar.run(dir, Map.of(), "train", "--data", projectFile(CARDIO), "--label", "label",
                "--epochs", "3", "--output", models.toString());
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).as("per-epoch progress and the summary, as with exec:java")
                .contains("epoch", "test").contains("ROC-AUC");
        assertThat(run.err()).as(run.describe()).doesNotContain("Exception", "SLF4J");
        assertThat(jar.djlCache()).as("libtorch was taken from the jar into DJL_CACHE_DIR").isDirectoryContaining(
                p -> p.getFileName().toString().equals("pytorch"));

        String version = Files.readString(models.resolve("LATEST")).strip();
        assertScores(models.resolve(version), "autoencoder");

        TrainingJar.Run list = jar.run(dir, Map.of(), "models", "-r", models.toString(), "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.out()).contains("* " + version).contains("autoencoder");
    }

    @Test
    void aBadCellExitsTwoNamingFileLineAndColumnAndWritesNothing() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(projectFile(CARDIO))).subList(0, 60));
        String[] cells = lines.get(4).split(",", -1);
        cells[3] = "n/a"; // line 5, column 4 (f3)
        lines.set(4, String.join(",", cells));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, lines);
        Path models = dir.resolve("never");

        TrainingJar.Run run = jar.run(dir, Map.of(), "--data", bad.toString(), "--label", "label",
                "--epochs", "1", "--output", models.toString());
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ", line 5, column 4:").contains("'n/a'");
        assertThat(models.toFile().list()).as("nothing in the repository (the write check may create the folder)")
                .isNullOrEmpty();
    }

    @Test
    void readsS3DataAndPublishesToS3WithTheDefaultCredentialChain() throws Exception {
        s3.putObject(b -> b.bucket("data").key("in/cardio.csv"), RequestBody.fromFile(Path.of(projectFile(CARDIO))));
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", "it", "AWS_SECRET_ACCESS_KEY", "it", "AWS_REGION", "us-east-1",
                "ANOMALY_S3_ENDPOINT", S3.getServiceEndpoint(), "ANOMALY_S3_PATH_STYLE", "true");

        TrainingJar.Run run = jar.run(dir, env, "--data", "s3://data/in/cardio.csv", "--label", "label",
                "--epochs", "2", "--quiet", "--output", "s3://models/team/cardio");
        assertThat(run.exitCode()).as(run.describe()).isZero();

        String version = s3.getObjectAsBytes(b -> b.bucket("models").key("team/cardio/LATEST")).asUtf8String().strip();
        Path local = dir.resolve("downloaded").resolve(version);
        Files.createDirectories(local);
        String prefix = "team/cardio/" + version + "/";
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket("models").prefix(prefix)).contents()) {
            Path file = local.resolve(o.key().substring(prefix.length()));
            Files.createDirectories(file.getParent());
            try (InputStream in = s3.getObject(b -> b.bucket("models").key(o.key()))) {
                Files.copy(in, file);
            }
        }
        assertScores(local, "autoencoder");

        TrainingJar.Run list = jar.run(dir, env, "models", "-r", "s3://models/team/cardio", "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.out()).contains("* " + version);
    }

    /** The artifact verifies, loads in this JVM and scores the first rows of the data with finite scores. */
    private static void assertScores(Path version, String detector) throws IOException {
        double[][] rows = Files.readAllLines(Path.of(projectFile(CARDIO))).stream().skip(1).limit(5)
                .map(line -> Arrays.stream(line.split(",")).limit(21).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        try (AnomalyModel model = AnomalyModel.load(version, ModelArtifact.DEFAULT_MAX_BYTES)) {
            assertThat(model.manifest().detector()).isEqualTo(detector);
            assertThat(model.manifest().version()).isEqualTo(version.getFileName().toString());
            RecordScore[] scores = model.score(rows, false);
            assertThat(scores).hasSize(5).allSatisfy(s -> assertThat(s.score()).isFinite());
        }
    }

    private static List<String> serviceLines(JarFile file, String name) throws IOException {
        var entry = file.getJarEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> projectServiceLines(String name) throws IOException {
        return lines(Files.readString(SamTemplate.projectRoot().resolve("src/main/resources").resolve(name)));
    }

    private static List<String> lines(String text) {
        return Stream.of(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String projectFile(String relative) {
        return SamTemplate.projectRoot().resolve(relative).toString();
    }
}
