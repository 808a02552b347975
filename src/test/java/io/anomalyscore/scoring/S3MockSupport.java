package io.anomalyscore.scoring;

import com.adobe.testing.s3mock.S3MockApplication;
import io.anomalyscore.storage.S3ArtifactStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** An in-process Adobe S3Mock with a {@code models} bucket, and the shipped model published to it. */
final class S3MockSupport {

    static final String BUCKET = "models";

    private S3MockSupport() {}

    /** Starts S3Mock on random ports; the application's S3 client finds its dummy keys in system properties. */
    static S3MockApplication start() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // Spring Boot (inside S3Mock) must not take over logging from the JBoss log manager
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        // Tomcat (inside S3Mock) would install the JVM-wide URL handler factory, which works once per
        // JVM; S3Mock runs here both from Quarkus's test class loader and from the plain one
        TomcatURLStreamHandlerFactory.disable();
        return S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET,
                S3MockApplication.PROP_SILENT, true,
                "com.adobe.testing.s3mock.region", "us-east-1")));
    }

    static String endpoint(S3MockApplication s3) {
        return "http://127.0.0.1:" + s3.getHttpPort();
    }

    static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Publishes the shipped default model under {@code destination}; returns the version's location. */
    static String publishDefaultModel(S3Client client, String destination, String version) throws Exception {
        return new S3ArtifactStore(client).publish(Path.of("src/main/resources/default-model"), version, destination);
    }
}
