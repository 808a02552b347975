package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A model repository under an S3 prefix: {@code prefix/<version>/<files>} and {@code prefix/LATEST}.
 *
 * <p>Publishing never changes bytes that are already there. It first reads {@code LATEST} and
 * every object the version should hold, comparing each existing one's sha256 with the artifact's
 * file: a differing object fails the publish, naming it, before anything is written; a complete
 * version is left as it is. It then uploads only the missing objects, the components first and
 * {@code manifest.json} last, each with {@code If-None-Match: *} (an object created meanwhile is
 * never overwritten, only verified) and its sha256 for S3 to check; then it writes {@code LATEST}.
 * After a failure it deletes only the objects this attempt created, and none at all when {@code
 * LATEST} names the version or cannot be read; {@code LATEST} is then as it was, unless the lost
 * response was that of the {@code LATEST} write itself, in which case it names this version,
 * complete. An object whose upload failed without an answer may remain; a later publish of the
 * same version verifies it. Fetching reads {@code manifest.json}, then exactly the files it lists.
 *
 * <p>Reading needs {@code s3:GetObject}; publishing needs {@code s3:GetObject}, {@code
 * s3:PutObject} and {@code s3:DeleteObject} under the prefix, and {@code s3:ListBucket} so that a
 * missing object reads as missing rather than denied.
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
    public String publish(Path artifact, String version, String destination, boolean promote) {
        return new S3Publication(s3, destination, version, promote).run(artifact);
    }

    @Override
    public ModelRepository repository(String location) {
        return new S3ModelRepository(s3, location);
    }

    @Override
    public Path fetch(String location, Path workDir) throws IOException {
        S3Location version = resolve(S3Location.parse(location));
        Path dir = workDir.resolve("artifact-" + UUID.randomUUID());
        Files.createDirectories(dir);
        S3Location manifest = version.resolve(ModelArtifact.MANIFEST);
        download(manifest, dir.resolve(ModelArtifact.MANIFEST));
        byte[] json = Files.readAllBytes(dir.resolve(ModelArtifact.MANIFEST));
        for (String file : ArtifactFiles.components(json, manifest.toString())) {
            download(version.resolve(file), dir.resolve(file));
        }
        return dir;
    }

    private void download(S3Location object, Path file) {
        try {
            s3.getObject(b -> b.bucket(object.bucket()).key(object.key()), file);
        } catch (NoSuchKeyException e) {
            throw new StorageException(object + " does not exist", e);
        } catch (SdkException e) {
            throw new StorageException("cannot read " + object + ": " + reason(e), e);
        }
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
        } catch (S3Exception e) {
            // Without s3:ListBucket (the function's policy grants only s3:GetObject), S3 answers a
            // missing key with 403, not 404: a pinned version folder has no LATEST and looks like this.
            if (e.statusCode() == 403 && accessible(at.resolve(ModelArtifact.MANIFEST))) {
                return at;
            }
            throw new StorageException("cannot read " + latest + ": " + reason(e) + (e.statusCode() == 403
                    ? " (S3 also answers 403 for a missing key when the caller may not list the bucket: check that "
                    + at + " holds " + LATEST + " or a version's " + ModelArtifact.MANIFEST + ")" : ""), e);
        } catch (SdkException e) {
            throw new StorageException("cannot read " + latest + ": " + reason(e), e);
        }
    }

    /** Whether {@code object} exists and may be read; 403 and 404 both mean no. */
    private boolean accessible(S3Location object) {
        try {
            return exists(object);
        } catch (StorageException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 403) {
                return false;
            }
            throw e;
        }
    }

    private boolean exists(S3Location object) {
        return exists(s3, object);
    }

    /** A HEAD request on {@code object}: whether it exists, without downloading it. */
    static boolean exists(S3Client s3, S3Location object) {
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

    static String reason(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode();
        }
        return e.getMessage();
    }
}
