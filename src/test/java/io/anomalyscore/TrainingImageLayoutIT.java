package io.anomalyscore;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.deploy.SamTemplate;
import io.anomalyscore.deploy.TrainingImage;
import io.anomalyscore.storage.Folders;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The training image (deploy/train/Dockerfile), tested in its file layout without Docker: every file
 * the Dockerfile COPYs is copied from the build context to the same absolute path under a local root
 * and made read-only; the ENTRYPOINT is run with the Dockerfile's ENV (its {@code /tmp} mapped to a fresh
 * folder), as the Dockerfile's USER (via setpriv, when this JVM is root), with no AWS settings but the
 * default chain's environment keys and the S3Mock endpoint. It must show its help with no arguments (the
 * CMD), read {@code s3://} data and publish an {@code s3://} version, and write nothing outside /tmp.
 */
class TrainingImageLayoutIT {

    @RegisterExtension
    static final S3MockExtension S3 = s3Mock();

    private static TrainingImage image;
    private static Path root;
    private static Path tmp;
    private static S3Client s3;
    private static boolean unprivileged;

    private static S3MockExtension s3Mock() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3MockExtension.builder().silent().withSecureConnection(false).withInitialBuckets("data", "models")
                .withProperty("com.adobe.testing.s3mock.region", "us-east-1").build();
    }

    @BeforeAll
    static void buildLayout() throws IOException {
        image = TrainingImage.load();
        Path project = SamTemplate.projectRoot();
        List<String> allowed = Files.readAllLines(project.resolve("deploy/train/Dockerfile.dockerignore"));
        assertThat(image.copies()).as("COPY lines").isNotEmpty().allSatisfy(copy -> {
            assertThat(project.resolve(copy.source())).as("after ./mvnw package").isRegularFile();
            assertThat(allowed).as("the build context lets it in").contains("!" + copy.source());
        });
        Path target = project.resolve("target");
        root = target.resolve("train-image");
        if (Files.exists(root)) {
            makeWritable(root);
            Folders.delete(root);
        }
        image.copyInto(root);
        tmp = Files.createTempDirectory(target, "train-image-tmp-");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        unprivileged = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
        s3 = S3Client.builder().endpointOverride(URI.create(S3.getServiceEndpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (s3 != null) {
            s3.close();
        }
        if (tmp != null) {
            Folders.delete(tmp);
        }
    }

    @Test
    void withoutArgumentsItShowsTheHelp() throws Exception {
        Run run = runImage(List.of());
        assertThat(run.exitCode()).as(run.text()).isZero();
        assertThat(run.text()).contains("--data=CSV", "models --repository REPO");
    }

    @Test
    void readsS3DataPublishesToS3AndWritesOnlyUnderTmp() throws Exception {
        Map<String, Long> before = snapshot(root);
        s3.putObject(b -> b.bucket("data").key("in/cardio.csv"),
                RequestBody.fromFile(SamTemplate.projectRoot().resolve("src/test/resources/data/cardio.csv")));

        Run run = runImage(List.of("--data", "s3://data/in/cardio.csv", "--label", "label", "--epochs", "2",
                "--quiet", "--output", "s3://models/image/cardio"));
        assertThat(run.exitCode()).as(run.text()).isZero();

        String version = s3.getObjectAsBytes(b -> b.bucket("models").key("image/cardio/LATEST")).asUtf8String().strip();
        assertThat(s3.listObjectsV2(b -> b.bucket("models").prefix("image/cardio/" + version + "/")).contents())
                .extracting(o -> o.key().substring(o.key().lastIndexOf('/') + 1)).contains("manifest.json");
        assertThat(snapshot(root)).as("the image's files are unchanged").isEqualTo(before);
        assertThat(tmp.resolve("djl")).as("libtorch went to DJL_CACHE_DIR under /tmp").isDirectory();
    }

    private record Run(int exitCode, String text) {}

    /** The ENTRYPOINT plus {@code args} (the CMD when empty), as the image runs it. */
    private static Run runImage(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        if (unprivileged) { // root ignores the read-only bits: run as the image's user so they count
            int[] user = image.user();
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + user[0], "--regid=" + user[1], "--clear-groups"));
        }
        for (String word : image.entrypoint()) {
            command.add(local(word));
        }
        command.addAll(args.isEmpty() ? image.cmd() : args);

        Map<String, String> env = new LinkedHashMap<>();
        image.environment().forEach((k, v) -> env.put(k, v.equals("/tmp") || v.startsWith("/tmp/")
                ? tmp + v.substring(4) : v));
        env.putAll(Map.of("HOME", "/nonexistent", "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp,
                "AWS_ACCESS_KEY_ID", "it", "AWS_SECRET_ACCESS_KEY", "it", "AWS_REGION", "us-east-1",
                "ANOMALY_S3_ENDPOINT", S3.getServiceEndpoint(), "ANOMALY_S3_PATH_STYLE", "true"));

        Path log = Files.createTempFile(tmp, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the image's entry point ran over 600 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    /** {@code java} is the image's Java runtime (this JDK here); a copied file's image path maps under root. */
    private static String local(String word) {
        if (word.equals("java")) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        boolean copied = image.copies().stream().anyMatch(c -> c.destination().equals(word));
        return copied ? TrainingImage.local(root, word).toString() : word;
    }

    private static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    private static void makeWritable(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(p -> p.toFile().setWritable(true, true));
        }
    }
}
