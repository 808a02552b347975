package io.anomalyscore.storage;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The {@code models} bucket of an in-process S3Mock, read and written around the store under test. */
final class S3Bucket {

    static final String NAME = "models";

    private final S3Client client;

    S3Bucket(S3Client client) {
        this.client = client;
    }

    /** An S3Mock holding the empty bucket, for a static {@code @RegisterExtension} field. */
    static S3MockExtension mock() {
        // S3Mock's Spring Boot would insist on Logback, but the JBoss log manager owns SLF4J here
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        return S3MockExtension.builder().silent().withSecureConnection(false).withInitialBuckets(NAME)
                .withProperty("com.adobe.testing.s3mock.region", "us-east-1").build();
    }

    /** Every object under {@code prefix/}, key to content. */
    Map<String, String> objects(String prefix) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(NAME).prefix(prefix + "/")).contents()) {
            objects.put(o.key(), client.getObjectAsBytes(b -> b.bucket(NAME).key(o.key()))
                    .asString(StandardCharsets.ISO_8859_1));
        }
        return objects;
    }

    void put(String key, String content) {
        client.putObject(b -> b.bucket(NAME).key(key), RequestBody.fromString(content));
    }

    void delete(String key) {
        client.deleteObject(b -> b.bucket(NAME).key(key));
    }
}
