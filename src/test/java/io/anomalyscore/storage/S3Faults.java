package io.anomalyscore.storage;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Faults on a real S3 client talking to S3Mock: the Nth PutObject (counting every one, {@code
 * LATEST} included) fails before it is sent, as a dropped connection would, and every PutObject
 * and GetObject is recorded by key; every other call reaches S3Mock unchanged.
 */
final class S3Faults implements ExecutionInterceptor {

    /** Keys of the PutObject calls sent, in order (the failed one is not sent). */
    final List<String> puts = new CopyOnWriteArrayList<>();
    /** Keys of the GetObject calls sent, in order. */
    final List<String> gets = new CopyOnWriteArrayList<>();
    private final int failingPut;
    private final Consumer<String> beforePut;
    private int putCount;

    /** @param failingPut the 1-based PutObject that fails, or 0 for none */
    S3Faults(int failingPut) {
        this(failingPut, key -> { });
    }

    /** @param beforePut runs before each PutObject with its key (e.g. a concurrent writer) */
    S3Faults(int failingPut, Consumer<String> beforePut) {
        this.failingPut = failingPut;
        this.beforePut = beforePut;
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof PutObjectRequest put) {
            beforePut.accept(put.key());
            if (++putCount == failingPut) {
                throw SdkClientException.create("injected failure uploading " + put.key());
            }
            puts.add(put.key());
        } else if (request instanceof GetObjectRequest get) {
            gets.add(get.key());
        }
    }

    /** A client on {@code endpoint} with these faults. */
    S3Client client(String endpoint) {
        return client(endpoint, this);
    }

    /** A client on {@code endpoint}, without faults when {@code interceptor} is null. */
    static S3Client client(String endpoint, ExecutionInterceptor interceptor) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    if (interceptor != null) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }
}
