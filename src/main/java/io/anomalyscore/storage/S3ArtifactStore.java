package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A model repository under an S3 prefix: {@code prefix/<version>/<files>} and {@code
 * prefix/LATEST}. Reading needs only {@code s3:GetObject}; publishing needs {@code s3:PutObject}.
 */
public final class S3ArtifactStore implements ArtifactStore {

    private final S3Client s3;

    public S3ArtifactStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public InputStream open(String location) throws IOException {
        S3Location at = S3Location.parse(location);
        try {
            return s3.getObject(b -> b.bucket(at.bucket()).key(at.key()));
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(location, null, "no such object");
        } catch (SdkException e) {
            throw new StorageException("cannot read " + location + ": " + reason(e), e);
        }
    }

    @Override
    public void checkWritable(String destination) {
        S3Location at = S3Location.parse(destination);
        try {
            s3.headBucket(b -> b.bucket(at.bucket()));
        } catch (SdkException e) {
            throw new StorageException("cannot write to " + destination + ": " + reason(e), e);
        }
    }

    @Override
    public String publish(Path artifact, String version, String destination) {
        S3Location repository = S3Location.parse(destination);
        S3Location target = repository.resolve(Versions.check(version, "version"));
        List<String> written = new ArrayList<>();
        try {
            for (String file : ModelArtifact.FILES) {
                String key = target.child(file);
                s3.putObject(b -> b.bucket(target.bucket()).key(key), RequestBody.fromFile(artifact.resolve(file)));
                written.add(key);
            }
            s3.putObject(b -> b.bucket(repository.bucket()).key(repository.child(LATEST)).contentType("text/plain"),
                    RequestBody.fromString(version + "\n", StandardCharsets.UTF_8));
            return target.toString();
        } catch (SdkException e) {
            removeQuietly(target.bucket(), written);
            throw new StorageException("publishing to " + target + " failed (" + LATEST
                    + " unchanged): " + reason(e), e);
        }
    }

    @Override
    public Path fetch(String location, Path workDir) throws IOException {
        S3Location at = S3Location.parse(location);
        S3Location version = resolve(at);
        Path dir = workDir.resolve("artifact-" + UUID.randomUUID());
        Files.createDirectories(dir);
        for (String file : ModelArtifact.FILES) {
            S3Location object = version.resolve(file);
            try {
                s3.getObject(b -> b.bucket(object.bucket()).key(object.key()), dir.resolve(file));
            } catch (NoSuchKeyException e) {
                throw new StorageException(object + " does not exist", e);
            } catch (SdkException e) {
                throw new StorageException("cannot read " + object + ": " + reason(e), e);
            }
        }
        return dir;
    }

    /** The version folder: {@code LATEST}'s target, or {@code at} itself when it holds a manifest. */
    private S3Location resolve(S3Location at) {
        S3Location latest = at.resolve(LATEST);
        try {
            String version = s3.getObjectAsBytes(b -> b.bucket(latest.bucket()).key(latest.key()))
                    .asString(StandardCharsets.UTF_8);
            return at.resolve(Versions.check(version, latest.toString()));
        } catch (NoSuchKeyException e) {
            if (exists(at.resolve(ModelArtifact.MANIFEST))) {
                return at;
            }
            throw new StorageException(latest + " does not exist (and " + at + " holds no "
                    + ModelArtifact.MANIFEST + ")", e);
        } catch (SdkException e) {
            throw new StorageException("cannot read " + latest + ": " + reason(e), e);
        }
    }

    private boolean exists(S3Location object) {
        try {
            s3.headObject(b -> b.bucket(object.bucket()).key(object.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageException("cannot read " + object + ": " + reason(e), e);
        }
    }

    private void removeQuietly(String bucket, List<String> keys) {
        for (String key : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (SdkException ignored) {
                // best effort: the version is unreferenced because LATEST was not written
            }
        }
    }

    static String reason(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode();
        }
        return e.getMessage();
    }
}
