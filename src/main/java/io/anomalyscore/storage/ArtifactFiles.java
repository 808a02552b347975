package io.anomalyscore.storage;

import io.anomalyscore.model.ArtifactFormatException;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of an artifact as its manifest lists them ({@link ModelArtifact#listedFiles}), and
 * their digests: what the stores copy, verify and fetch.
 */
final class ArtifactFiles {

    private ArtifactFiles() {}

    /**
     * The files of the artifact folder in publishing order: the components, then {@code
     * manifest.json}, so a version that holds its manifest holds everything the manifest lists.
     */
    static List<String> inPublishOrder(Path artifact) {
        Path manifest = artifact.resolve(ModelArtifact.MANIFEST);
        byte[] json;
        try {
            json = Files.readAllBytes(manifest);
        } catch (IOException e) {
            throw new StorageException("cannot publish " + artifact + ": cannot read " + manifest + ": " + e, e);
        }
        List<String> order = new ArrayList<>(components(json, manifest.toString()));
        order.add(ModelArtifact.MANIFEST);
        return List.copyOf(order);
    }

    /** The files other than the manifest that {@code manifestJson}, read from {@code where}, lists. */
    static List<String> components(byte[] manifestJson, String where) {
        try {
            List<String> listed = ModelArtifact.listedFiles(manifestJson);
            return listed.subList(1, listed.size());
        } catch (ArtifactFormatException e) {
            throw new StorageException(where + ": " + e.getMessage(), e);
        }
    }

    /** The sha256 of a local file of the artifact being published. */
    static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e, e);
        }
    }

    /** The sha256 of a stream's remaining bytes; the caller closes the stream. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest md = Sha256.digest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The error for an existing file or object whose bytes are not this artifact's. */
    static StorageException conflict(String existing, String existingSha256, String ourSha256) {
        return new StorageException(existing + " already exists with other content (sha256 " + existingSha256
                + ", this artifact's is " + ourSha256 + "); it is left as it is");
    }
}
