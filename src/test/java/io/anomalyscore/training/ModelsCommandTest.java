package io.anomalyscore.training;

import io.anomalyscore.model.ModelArtifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.LocalArtifactStore;
import io.anomalyscore.storage.ModelVariants;
import io.anomalyscore.storage.S3ArtifactStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code models} command against a local repository and an S3 one (S3Mock): {@code list}
 * shows every version with created time, detector and headline metrics and marks {@code LATEST};
 * {@code promote} and {@code rollback} move it and say so; a refused move exits 2.
 */
class ModelsCommandTest {

    @RegisterExtension
    static final S3MockExtension S3 = mock();

    private static S3Client client;

    @TempDir
    Path dir;

    private static S3MockExtension mock() {
        // S3Mock's Spring Boot would insist on Logback, but the JBoss log manager owns SLF4J here
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3MockExtension.builder().silent().withSecureConnection(false).withInitialBuckets("models")
                .withProperty("com.adobe.testing.s3mock.region", "us-east-1").build();
    }

    @BeforeAll
    static void connect() {
        client = S3Client.builder().endpointOverride(URI.create(S3.getServiceEndpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    record Run(int exitCode, String out, String err) {}

    private static Run models(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModelsCommand.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ArtifactStores(() -> client), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void listPromoteRollback(String kind) throws IOException {
        String repo = kind.equals("local") ? dir.resolve("repo").toString() : "s3://models/cli";
        Path a = ModelVariants.variant(dir, "first");
        Path b = ModelVariants.variant(dir, "second");
        String va = ModelVariants.version(a);
        String vb = ModelVariants.version(b);
        var store = kind.equals("local") ? new LocalArtifactStore() : new S3ArtifactStore(client);
        store.publish(a, va, repo, true);
        store.publish(b, vb, repo, false);

        Run list = models("list", "-r", repo);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("* " + va).contains("  " + vb)
                .contains(ModelArtifact.read(a, ModelArtifact.DEFAULT_MAX_BYTES).manifest().createdAt()).contains("autoencoder")
                .containsPattern("test: F1 0\\.\\d{3} ROC-AUC 0\\.\\d{3} AP 0\\.\\d{3} \\(366 rows\\)");

        Run promote = models("promote", vb, "--reason", "better recall", "-r", repo);
        assertThat(promote.exitCode()).as(promote.err()).isZero();
        assertThat(promote.out()).contains("LATEST now names " + vb);
        assertThat(models("list", "-r", repo).out()).contains("* " + vb).contains("  " + va);

        Run rollback = models("rollback", "-r", repo, "--reason", "too many alerts");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("LATEST now names " + va);

        Run again = models("rollback", "-r", repo);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("error: nothing to roll back to");
        Run unknown = models("promote", "0000000000000000", "-r", repo);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(models("list", "-r", repo).out()).contains("* " + va);
    }
}
