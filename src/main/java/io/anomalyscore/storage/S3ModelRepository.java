package io.anomalyscore.storage;

import io.anomalyscore.model.ModelArtifact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link ModelRepository} under an S3 prefix. {@code HISTORY} is rewritten whole with a
 * condition on the copy it extends ({@code If-Match} its ETag, or {@code If-None-Match: *} when
 * there was none), so a concurrent append fails instead of being lost. Listing needs {@code
 * s3:ListBucket}; promoting needs {@code s3:GetObject} and {@code s3:PutObject} under the prefix.
 */
final class S3ModelRepository implements ModelRepository {

    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final S3Location root;

    S3ModelRepository(S3Client s3, String location) {
        this.s3 = s3;
        this.root = S3Location.parse(location);
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String versionLocation(String version) {
        return root.resolve(Versions.check(version, "version")).toString();
    }

    @Override
    public List<String> versions() {
        String prefix = root.key().isEmpty() ? "" : root.key() + "/";
        List<String> versions = new ArrayList<>();
        try {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(root.bucket()).prefix(prefix).delimiter("/"))) {
                for (CommonPrefix folder : page.commonPrefixes()) {
                    String name = folder.prefix().substring(prefix.length(), folder.prefix().length() - 1);
                    if (isVersion(name)) {
                        versions.add(name);
                    }
                }
            }
        } catch (SdkException e) {
            throw new StorageException("cannot list " + root + ": " + S3ArtifactStore.reason(e), e);
        }
        return versions.stream().sorted().toList();
    }

    private boolean isVersion(String name) {
        try {
            Versions.check(name, name);
        } catch (StorageException e) {
            return false;
        }
        // a HEAD request: the folder is recognised without downloading the manifest a caller reads next
        return S3ArtifactStore.exists(s3, root.resolve(name).resolve(ModelArtifact.MANIFEST));
    }

    @Override
    public byte[] manifest(String version) {
        S3Location manifest = S3Location.parse(versionLocation(version)).resolve(ModelArtifact.MANIFEST);
        return read(manifest).orElseThrow(() -> new StorageException(manifest + " does not exist"))
                .asByteArray();
    }

    @Override
    public Optional<String> latest() {
        S3Location latest = root.resolve(ArtifactStore.LATEST);
        return read(latest).map(b -> Versions.check(b.asString(StandardCharsets.UTF_8), latest.toString()));
    }

    @Override
    public List<HistoryEntry> history() {
        S3Location history = root.resolve(HISTORY);
        return read(history).map(b -> parse(b.asString(StandardCharsets.UTF_8), history.toString()))
                .orElse(List.of());
    }

    private static List<HistoryEntry> parse(String text, String where) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> HistoryEntry.parse(l, where)).toList();
    }

    @Override
    public void append(HistoryEntry entry) {
        S3Location history = root.resolve(HISTORY);
        Optional<ResponseBytes<GetObjectResponse>> current = read(history);
        String text = current.map(b -> b.asString(StandardCharsets.UTF_8)).orElse("") + entry.line();
        try {
            s3.putObject(b -> {
                b.bucket(history.bucket()).key(history.key()).contentType("text/plain");
                current.ifPresentOrElse(c -> b.ifMatch(c.response().eTag()), () -> b.ifNoneMatch("*"));
            }, RequestBody.fromString(text, StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            throw new StorageException("cannot append to " + history + ": " + (e.statusCode() == PRECONDITION_FAILED
                    ? "it changed meanwhile (another promotion?); try again" : S3ArtifactStore.reason(e)), e);
        } catch (SdkException e) {
            throw new StorageException("cannot append to " + history + ": " + S3ArtifactStore.reason(e), e);
        }
    }

    @Override
    public void retract(HistoryEntry entry) {
        S3Location history = root.resolve(HISTORY);
        try {
            Optional<ResponseBytes<GetObjectResponse>> current = read(history);
            String text = current.map(b -> b.asString(StandardCharsets.UTF_8)).orElse("");
            if (current.isEmpty() || !text.endsWith(entry.line())) {
                return;
            }
            String before = text.substring(0, text.length() - entry.line().length());
            String etag = current.get().response().eTag();
            if (before.isEmpty()) {
                s3.deleteObject(b -> b.bucket(history.bucket()).key(history.key()).ifMatch(etag));
            } else {
                s3.putObject(b -> b.bucket(history.bucket()).key(history.key()).contentType("text/plain").ifMatch(etag),
                        RequestBody.fromString(before, StandardCharsets.UTF_8));
            }
        } catch (SdkException | StorageException ignored) {
            // see the interface: a leftover line is reported by the next rollback
        }
    }

    @Override
    public void pointLatestAt(String version) {
        S3Location latest = root.resolve(ArtifactStore.LATEST);
        try {
            s3.putObject(b -> b.bucket(latest.bucket()).key(latest.key()).contentType("text/plain"),
                    RequestBody.fromString(Versions.check(version, "version") + "\n", StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw new StorageException("cannot write " + latest + ": " + S3ArtifactStore.reason(e), e);
        }
    }

    private Optional<ResponseBytes<GetObjectResponse>> read(S3Location object) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(object.bucket()).key(object.key())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageException("cannot read " + object + ": " + S3ArtifactStore.reason(e), e);
        }
    }
}
