package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.anomalyscore.model.ModelArtifact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Listing an S3 model repository and reading each version's manifest (what {@code models list}
 * does) downloads every manifest once: version folders are recognised with HEAD requests.
 */
class S3ListingRequestsTest {

    @RegisterExtension
    static final S3MockExtension S3 = S3Bucket.mock();

    @TempDir
    Path dir;

    /** Records each request's operation name and, for object operations, its key. */
    static final class Recorder implements ExecutionInterceptor {
        final List<String> requests = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            String key = context.request().getValueForField("Key", String.class).orElse("");
            requests.add(operation + " " + key);
        }
    }

    @Test
    void everyManifestIsDownloadedOnce() throws Exception {
        Recorder recorder = new Recorder();
        try (S3Client client = S3Faults.client(S3.getServiceEndpoint(), recorder)) {
            Path a = ModelVariants.variant(dir, "a");
            Path b = ModelVariants.variant(dir, "b");
            String va = ModelVariants.version(a);
            String vb = ModelVariants.version(b);
            S3ArtifactStore store = new S3ArtifactStore(client);
            String repo = "s3://" + S3Bucket.NAME + "/listing";
            store.publish(a, va, repo, true);
            store.publish(b, vb, repo, false);
            recorder.requests.clear();

            ModelRepository models = new Promotions(store, repo).repository();
            for (String version : models.versions()) {
                ModelArtifact.parseManifest(models.manifest(version));
            }

            assertThat(recorder.requests.stream().filter(r -> r.startsWith("GetObject ")
                    && r.endsWith("/" + ModelArtifact.MANIFEST))).as(recorder.requests.toString()).hasSize(2);
            assertThat(recorder.requests.stream().filter(r -> r.startsWith("HeadObject "))).hasSize(2);
        }
    }
}
