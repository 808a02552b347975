package io.anomalyscore.scoring;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.ArtifactStores;
import io.anomalyscore.storage.Folders;
import io.anomalyscore.storage.S3Clients;
import io.anomalyscore.storage.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns a model URI into a loaded, verified {@link AnomalyModel}; plain Java so start-up failures
 * can be tested without Quarkus.
 *
 * <p>Every source goes through the same path: the artifact lands in a local folder, then {@link
 * AnomalyModel#load} verifies format and checksums. Any failure becomes a {@link
 * ModelLoadException} naming the URI, so a bad model fails start-up instead of being served.
 */
public final class ModelLoader {

    /** URI scheme of artifacts shipped inside the application. */
    public static final String CLASSPATH = "classpath:";

    private final S3Settings s3Settings;
    private final long maxArtifactBytes;

    public ModelLoader(S3Settings s3Settings, long maxArtifactBytes) {
        this.s3Settings = s3Settings;
        this.maxArtifactBytes = maxArtifactBytes;
    }

    /** Applies the engine thread settings, then loads the model at {@code uri}. */
    public AnomalyModel load(String uri, int threads, int interopThreads) {
        EngineSettings.apply(threads, interopThreads);
        return load(uri);
    }

    /** Loads the model at {@code uri}; the downloaded or copied files are deleted afterwards. */
    public AnomalyModel load(String uri) {
        AtomicReference<S3Client> client = new AtomicReference<>();
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("anomaly-model-");
            Path artifact = uri.startsWith(CLASSPATH)
                    ? copyFromClasspath(uri.substring(CLASSPATH.length()), workDir)
                    : new ArtifactStores(() -> {
                        client.set(S3Clients.create(s3Settings));
                        return client.get();
                    }).forLocation(uri).fetch(uri, workDir);
            return AnomalyModel.load(artifact, maxArtifactBytes);
        } catch (Exception e) {
            throw new ModelLoadException("cannot load the model from " + uri + ": " + reason(e), e);
        } finally {
            if (client.get() != null) {
                client.get().close();
            }
            Folders.deleteQuietly(workDir); // a leftover temp folder is harmless; the model is in memory
        }
    }

    /** Copies {@code manifest.json} first, then exactly the files it lists (package-private for tests). */
    static Path copyFromClasspath(String folder, Path workDir) throws IOException {
        String base = folder.replaceAll("^/+|/+$", "");
        Path dir = workDir.resolve("classpath-artifact");
        Files.createDirectories(dir);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        copyResource(loader, base + "/" + ModelArtifact.MANIFEST, dir.resolve(ModelArtifact.MANIFEST));
        List<String> files = ModelArtifact.listedFiles(Files.readAllBytes(dir.resolve(ModelArtifact.MANIFEST)));
        for (String file : files.subList(1, files.size())) {
            copyResource(loader, base + "/" + file, dir.resolve(file));
        }
        return dir;
    }

    private static void copyResource(ClassLoader loader, String name, Path file) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " does not exist");
            }
            Files.copy(in, file);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
