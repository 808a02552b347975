package io.anomalyscore.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One attempt to publish an artifact folder as a version of an S3 repository; {@link
 * S3ArtifactStore} states what it guarantees.
 */
final class S3Publication {

    private static final int PRECONDITION_FAILED = 412;

    private final S3Client s3;
    private final S3Location repository;
    private final S3Location target;
    private final String version;
    private final boolean promote;
    private final S3ModelRepository history;
    /** The HISTORY entry this attempt appended, which a failure retracts, or {@code null}. */
    private HistoryEntry appended;
    /** Keys this attempt created, in creation order: the only ones a failure may remove. */
    private final List<String> created = new ArrayList<>();

    S3Publication(S3Client s3, String destination, String version, boolean promote) {
        this.s3 = s3;
        this.promote = promote;
        this.repository = S3Location.parse(destination);
        this.version = Versions.check(version, "version");
        this.target = repository.resolve(this.version);
        this.history = new S3ModelRepository(s3, destination);
    }

    /** Completes the version from {@code artifact}, then (when promoting) points {@code LATEST} at it. */
    String run(Path artifact) {
        List<String> files = ArtifactFiles.inPublishOrder(artifact);
        String before;
        try {
            before = latest();
        } catch (SdkException e) {
            throw new StorageException(failure(ArtifactStore.LATEST + " unchanged") + "cannot read "
                    + repository.resolve(ArtifactStore.LATEST) + ": " + S3ArtifactStore.reason(e), e);
        }
        try {
            for (Map.Entry<String, String> missing : missing(artifact, files).entrySet()) {
                create(missing.getKey(), artifact.resolve(missing.getKey()), missing.getValue());
            }
            if (promote) {
                // re-publishing the current version changes nothing a rollback should undo
                if (!version.equals(before)) {
                    appended = HistoryEntry.now(HistoryEntry.PROMOTE, version, "published");
                    history.append(appended);
                }
                s3.putObject(b -> b.bucket(repository.bucket()).key(repository.child(ArtifactStore.LATEST))
                        .contentType("text/plain"), RequestBody.fromString(version + "\n", StandardCharsets.UTF_8));
            }
            return target.toString();
        } catch (RuntimeException e) {
            throw failed(e, before);
        }
    }

    /**
     * The files the version lacks, with their sha256, in publishing order; every file it already
     * holds must have this artifact's bytes.
     */
    private Map<String, String> missing(Path artifact, List<String> files) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String file : files) {
            String ours = ArtifactFiles.sha256(artifact.resolve(file));
            Optional<String> existing = remoteSha256(target.child(file));
            if (existing.isEmpty()) {
                missing.put(file, ours);
            } else if (!existing.get().equals(ours)) {
                throw ArtifactFiles.conflict(target.resolve(file).toString(), existing.get(), ours);
            }
        }
        return missing;
    }

    /**
     * Uploads one file only if its key is still free ({@code If-None-Match: *}), with its sha256
     * for S3 to check the bytes received; a key taken meanwhile must hold the same bytes.
     */
    private void create(String file, Path source, String sha256) {
        String key = target.child(file);
        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
        try {
            s3.putObject(b -> b.bucket(target.bucket()).key(key).ifNoneMatch("*").checksumSHA256(checksum),
                    RequestBody.fromFile(source));
            created.add(key);
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED) {
                throw e;
            }
            String existing = remoteSha256(key).orElseThrow(() -> e);
            if (!existing.equals(sha256)) {
                throw ArtifactFiles.conflict(target.resolve(file).toString(), existing, sha256);
            }
        }
    }

    private Optional<String> remoteSha256(String key) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(target.bucket()).key(key))) {
            return Optional.of(ArtifactFiles.sha256(in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw SdkClientException.create("cannot read " + new S3Location(target.bucket(), key) + ": " + e, e);
        }
    }

    /** What {@code LATEST} names now, or {@code null} when there is none. */
    private String latest() {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(repository.bucket()).key(repository.child(ArtifactStore.LATEST)))
                    .asString(StandardCharsets.UTF_8).strip();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /**
     * Removes what this attempt created, newest first, unless {@code LATEST} names the version
     * (or cannot be read): a referenced version keeps every object, even ones this attempt added.
     */
    private StorageException failed(RuntimeException cause, String before) {
        String after;
        try {
            after = latest();
        } catch (SdkException e) {
            return wrap(cause, ArtifactStore.LATEST + " unreadable, so nothing was removed");
        }
        if (!version.equals(after)) {
            for (int i = created.size() - 1; i >= 0; i--) {
                deleteQuietly(created.get(i));
            }
            if (appended != null) {
                history.retract(appended);
            }
        }
        return wrap(cause, Objects.equals(before, after) ? ArtifactStore.LATEST + " unchanged"
                : ArtifactStore.LATEST + " now names " + after);
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(target.bucket()).key(key));
        } catch (SdkException ignored) {
            // an unreferenced leftover: a later publish of this version verifies it or fills in the rest
        }
    }

    private StorageException wrap(RuntimeException cause, String latestState) {
        String reason = cause instanceof SdkException sdk ? S3ArtifactStore.reason(sdk) : cause.getMessage();
        return new StorageException(failure(latestState) + reason, cause);
    }

    private String failure(String latestState) {
        return "publishing to " + target + " failed (" + latestState + "): ";
    }
}
