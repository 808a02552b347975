package io.anomalyscore.storage;

import java.net.URI;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client from {@link S3Settings}: URL-connection HTTP, bounded retries with backoff. */
public final class S3Clients {

    private S3Clients() {}

    /** A new client; the caller closes it. */
    public static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.attemptTimeout())
                        .socketTimeout(settings.attemptTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(settings.maxAttempts()))
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout())
                        .build())
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        settings.region().map(Region::of).ifPresent(builder::region);
        return builder.build();
    }
}
