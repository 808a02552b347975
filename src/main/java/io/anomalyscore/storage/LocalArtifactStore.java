package io.anomalyscore.storage;

import io.anomalyscore.model.ArtifactFormatException;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A model repository in a local folder: {@code repository/<version>/<files>} and {@code
 * repository/LATEST}.
 *
 * <p>Publishing never changes bytes that are already there. A new version is copied into a hidden
 * {@code .staging-<version>-<uuid>} folder (the components first, {@code manifest.json} last) and
 * moved into place only if no folder of that name exists; staging never writes into a version
 * folder, so an interrupted or failed staging leaves every version as it was. An existing version
 * folder is verified instead: each file the artifact lists that it holds must have the artifact's
 * sha256 (a differing file fails the publish, naming it, before anything is written), and each
 * missing file is copied to a hidden file and moved in, never replacing one that appeared
 * meanwhile. Then {@code LATEST} is replaced in one rename of a hidden {@code .LATEST-<uuid>}
 * file. After a failure only what this attempt created is removed (its staging folder, the version
 * folder it moved into place, the files it added), and nothing at all while {@code LATEST} names
 * the version or cannot be read; {@code LATEST} is then as it was. A killed publisher can leave
 * hidden {@code .staging-*} and {@code .LATEST-*} entries, which readers never pick. Fetching
 * resolves {@code LATEST} and checks that every file the manifest lists exists.
 */
public final class LocalArtifactStore implements ArtifactStore {

    private final WriteHook hook;

    public LocalArtifactStore() {
        this(WriteHook.NONE);
    }

    /** A store that calls {@code hook} before each write into a repository (tests inject faults so). */
    LocalArtifactStore(WriteHook hook) {
        this.hook = hook;
    }

    @Override
    public InputStream open(String location) throws IOException {
        Path path = Path.of(location);
        if (Files.isDirectory(path)) {
            throw new NoSuchFileException(location, null, "is a folder, not a file");
        }
        return Files.newInputStream(path);
    }

    @Override
    public void checkWritable(String destination) throws IOException {
        Path dir = Path.of(destination);
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
        Files.delete(probe);
    }

    @Override
    public String publish(Path artifact, String version, String destination, boolean promote) throws IOException {
        return new LocalPublication(Path.of(destination), version, hook, promote).run(artifact);
    }

    @Override
    public ModelRepository repository(String location) {
        return new LocalModelRepository(Path.of(location));
    }

    @Override
    public Path fetch(String location, Path workDir) throws IOException {
        Path dir = Path.of(location);
        if (Files.isRegularFile(dir.resolve(ModelArtifact.MANIFEST))) {
            return checkListedFilesExist(dir);
        }
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) {
            throw new StorageException(location + " holds neither " + ModelArtifact.MANIFEST + " nor " + LATEST);
        }
        String version = Versions.check(Files.readString(latest, StandardCharsets.UTF_8), latest.toString());
        Path target = dir.resolve(version);
        if (!Files.isDirectory(target)) {
            throw new StorageException(latest + " points at version " + version + ", which does not exist");
        }
        // a version folder that is a symlink could serve an artifact from anywhere on the file system
        if (!target.toRealPath().getParent().equals(dir.toRealPath())) {
            throw new StorageException(latest + " points at version " + version
                    + ", which resolves outside the repository");
        }
        return checkListedFilesExist(target);
    }

    /**
     * Checks that every file the manifest lists is there. A manifest that lists nothing readable is
     * passed on unchecked: loading reports its exact fault (e.g. an unsupported format version).
     */
    private static Path checkListedFilesExist(Path artifact) throws IOException {
        Path manifest = artifact.resolve(ModelArtifact.MANIFEST);
        byte[] json = Files.readAllBytes(manifest);
        List<String> listed;
        try {
            listed = ModelArtifact.listedFiles(json);
        } catch (ArtifactFormatException e) {
            return artifact;
        }
        for (String file : listed.subList(1, listed.size())) {
            if (!Files.exists(artifact.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                throw new StorageException(artifact.resolve(file) + " does not exist, though " + manifest
                        + " lists it");
            }
        }
        return artifact;
    }
}
