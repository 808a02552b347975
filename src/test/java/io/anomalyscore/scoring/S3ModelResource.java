package io.anomalyscore.scoring;

import com.adobe.testing.s3mock.S3MockApplication;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** Starts S3Mock holding the default model under {@code s3://models/cardio} and points the app at it. */
public class S3ModelResource implements QuarkusTestResourceLifecycleManager {

    /** The version published; a fixed label so the test can tell it from the classpath model. */
    static final String VERSION = "s3published0001";

    private S3MockApplication s3;

    @Override
    public Map<String, String> start() {
        s3 = S3MockSupport.start();
        String endpoint = S3MockSupport.endpoint(s3);
        try (S3Client client = S3MockSupport.client(endpoint)) {
            S3MockSupport.publishDefaultModel(client, "s3://models/cardio", VERSION);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the test model to S3Mock", e);
        }
        return Map.of(
                "anomaly.model.uri", "s3://models/cardio",
                "anomaly.s3.endpoint", endpoint,
                "anomaly.s3.region", "us-east-1",
                "anomaly.s3.path-style", "true");
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.stop();
        }
    }
}
