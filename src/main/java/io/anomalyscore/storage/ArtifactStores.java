package io.anomalyscore.storage;

import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/** Picks the {@link ArtifactStore} for a location: {@code s3://} or a local path. */
public final class ArtifactStores {

    private final LocalArtifactStore local = new LocalArtifactStore();
    private final Supplier<S3Client> s3;
    private S3ArtifactStore s3Store;

    /** @param s3 creates the S3 client on first use, so local-only runs never need AWS settings */
    public ArtifactStores(Supplier<S3Client> s3) {
        this.s3 = s3;
    }

    /** The store that serves {@code location}. */
    public synchronized ArtifactStore forLocation(String location) {
        if (!S3Location.isS3(location)) {
            return local;
        }
        if (s3Store == null) {
            s3Store = new S3ArtifactStore(s3.get());
        }
        return s3Store;
    }
}
