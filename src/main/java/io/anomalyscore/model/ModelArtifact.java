package io.anomalyscore.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The artifact format: a folder holding {@code manifest.json} and {@code weights.params}.
 *
 * <p>This is the only class that knows the file names. Reading verifies, before anything else
 * touches the bytes: no unexpected entries, every file within the size limit, the format
 * version, every manifest field present, the features consistent with the network, and every
 * file's sha256 against the manifest. The weights are DJL {@code .params}: tensors only, no
 * pickle and no code, so loading an artifact cannot execute anything.
 */
public final class ModelArtifact {

    /** The manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** The weights file name. */
    public static final String WEIGHTS = "weights.params";
    /** Every file an artifact folder holds. */
    public static final List<String> FILES = List.of(MANIFEST, WEIGHTS);
    /** Default upper bound for an artifact's total size. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ModelArtifact() {}

    /** A verified artifact in memory. */
    public record Contents(ArtifactManifest manifest, byte[] weights) {}

    /**
     * Writes {@code weights} and {@code draft} into {@code dir} (which must be empty or absent),
     * filling in the files' checksums and the content-hash version.
     *
     * @return the manifest as written
     */
    public static ArtifactManifest write(Path dir, ArtifactManifest draft, byte[] weights) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = Map.of(WEIGHTS, Sha256.of(weights));
        ArtifactManifest unversioned = draft.withIdentity("", "", files);
        String version = Sha256.of(toJson(unversioned)).substring(0, 16);
        ArtifactManifest manifest = draft.withIdentity(version, draft.createdAt(), files);
        Files.write(dir.resolve(WEIGHTS), weights);
        Files.write(dir.resolve(MANIFEST), toJson(manifest));
        return manifest;
    }

    /**
     * The file names an artifact holds according to its manifest JSON, the manifest first: format 1
     * lists them as the keys of {@code files}, format 2 as {@code components[].file}. Only the names
     * are read here (so a store knows what to fetch); {@link #read} verifies everything.
     */
    public static List<String> listedFiles(byte[] manifestJson) {
        JsonNode tree;
        try {
            tree = JSON.readTree(manifestJson);
        } catch (IOException e) {
            throw new ArtifactFormatException("manifest is not valid JSON", e);
        }
        List<String> names = new java.util.ArrayList<>(List.of(MANIFEST));
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version != null && version.asInt() == 1 && tree.path("files").isObject()) {
            tree.get("files").fieldNames().forEachRemaining(names::add);
        } else if (version != null && version.asInt() == 2 && tree.path("components").isArray()) {
            for (JsonNode c : tree.get("components")) {
                names.add(c.path("file").asText());
            }
        } else {
            throw new ArtifactFormatException("manifest lists no files (formatVersion 1 or 2 expected)");
        }
        for (String name : names.subList(1, names.size())) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || name.equals(MANIFEST)) {
                throw new ArtifactFormatException("manifest names an invalid file: " + name);
            }
        }
        if (new java.util.HashSet<>(names).size() != names.size()) {
            throw new ArtifactFormatException("manifest names a file twice");
        }
        return List.copyOf(names);
    }

    /** Canonical JSON bytes of a manifest. */
    public static byte[] toJson(ArtifactManifest manifest) {
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be serialised", e);
        }
    }

    /** Reads and verifies the artifact in {@code dir}; see the class comment for the checks. */
    public static Contents read(Path dir, long maxBytes) {
        try {
            checkEntries(dir, maxBytes);
            ArtifactManifest manifest = parseManifest(Files.readAllBytes(dir.resolve(MANIFEST)));
            byte[] weights = Files.readAllBytes(dir.resolve(WEIGHTS));
            String expected = manifest.files().get(WEIGHTS);
            String actual = Sha256.of(weights);
            if (!actual.equals(expected)) {
                throw new ArtifactFormatException("sha256 mismatch for " + WEIGHTS
                        + ": manifest says " + expected + ", file has " + actual);
            }
            return new Contents(manifest, weights);
        } catch (IOException e) {
            throw new ArtifactFormatException("cannot read artifact: " + e.getMessage(), e);
        }
    }

    private static void checkEntries(Path dir, long maxBytes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ArtifactFormatException("not a folder: " + dir);
        }
        Set<String> present = new TreeSet<>();
        long total = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!FILES.contains(name) || !Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new ArtifactFormatException("unexpected entry in artifact: " + name);
                }
                present.add(name);
                total += Files.size(entry);
            }
        }
        for (String file : FILES) {
            if (!present.contains(file)) {
                throw new ArtifactFormatException("missing file " + file);
            }
        }
        if (total > maxBytes) {
            throw new ArtifactFormatException("artifact is " + total + " bytes, over the limit of " + maxBytes);
        }
    }

    /** Parses and validates manifest JSON: format version first, then every field. */
    public static ArtifactManifest parseManifest(byte[] json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ArtifactFormatException("manifest is not valid JSON: " + reason, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ArtifactFormatException("manifest is not a JSON object");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new ArtifactFormatException("manifest has no integer formatVersion");
        }
        if (version.intValue() != ArtifactManifest.FORMAT_VERSION) {
            throw new ArtifactFormatException("unsupported artifact format version " + version.intValue()
                    + " (this build reads version " + ArtifactManifest.FORMAT_VERSION + ")");
        }
        ArtifactManifest manifest;
        try {
            manifest = JSON.treeToValue(tree, ArtifactManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ArtifactFormatException("invalid manifest: " + reason, e);
        }
        ManifestValidator.validate(manifest);
        return manifest;
    }
}
