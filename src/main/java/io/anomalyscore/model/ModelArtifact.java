package io.anomalyscore.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.detector.FittedDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The artifact format: a folder holding {@code manifest.json} and the component files it lists.
 *
 * <p>This is the only class that reads or writes artifact folders. Reading verifies, before any
 * byte reaches a detector: exactly the listed files and nothing else, every file within the size
 * limit, a known format version, the manifest's content hash against its {@code version}, every
 * manifest field, and every component's sha256. Components are DJL {@code .params} tensors and
 * JSON data: no pickle and no code, so loading an artifact cannot execute anything.
 */
public final class ModelArtifact {

    /** The manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** The file name network detectors store their DJL parameters under. */
    public static final String WEIGHTS = "weights.params";
    /** Default upper bound for an artifact's total size. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ModelArtifact() {}

    /**
     * A verified artifact in memory.
     *
     * @param components component bytes by file name
     */
    public record Contents(ArtifactManifest manifest, Map<String, byte[]> components) {}

    /**
     * Writes {@code parts} and {@code draft} into {@code dir} (which must be empty or absent),
     * filling in the components' checksums and the content-hash version.
     *
     * @return the manifest as written
     */
    public static ArtifactManifest write(Path dir, ArtifactManifest draft, List<FittedDetector.Part> parts)
            throws IOException {
        Files.createDirectories(dir);
        List<Component> components = new ArrayList<>();
        for (FittedDetector.Part part : parts) {
            components.add(new Component(part.file(), part.role(), Sha256.of(part.bytes())));
        }
        ArtifactManifest unversioned = draft.withIdentity("", draft.createdAt(), components);
        String version = ManifestVersion.of(JSON.readTree(toJson(unversioned)), JSON);
        ArtifactManifest manifest = unversioned.withIdentity(version, draft.createdAt(), components);
        listedFiles(toJson(manifest));
        for (FittedDetector.Part part : parts) {
            Files.write(dir.resolve(part.file()), part.bytes());
        }
        Files.write(dir.resolve(MANIFEST), toJson(manifest));
        return manifest;
    }

    /** Canonical JSON bytes of a manifest. */
    public static byte[] toJson(ArtifactManifest manifest) {
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be serialised", e);
        }
    }

    /**
     * The file names an artifact holds according to its manifest JSON, the manifest first: format 1
     * lists them as the keys of {@code files}, format 2 as {@code components[].file}. Only the names
     * are read here (so a store knows what to fetch); {@link #read} verifies everything.
     */
    public static List<String> listedFiles(byte[] manifestJson) {
        JsonNode tree = tree(manifestJson);
        List<String> names = new ArrayList<>(List.of(MANIFEST));
        int version = formatOf(tree);
        if (version == 1 && tree.path("files").isObject()) {
            tree.get("files").fieldNames().forEachRemaining(names::add);
        } else if (version == 2 && tree.path("components").isArray()) {
            for (JsonNode c : tree.get("components")) {
                names.add(c.path("file").asText());
            }
        } else {
            throw new ArtifactFormatException("manifest lists no files ("
                    + (version == 1 ? "files" : "components") + " is missing)");
        }
        for (String name : names.subList(1, names.size())) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || name.equals(MANIFEST)) {
                throw new ArtifactFormatException("manifest names an invalid file: " + name);
            }
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new ArtifactFormatException("manifest names a file twice");
        }
        return List.copyOf(names);
    }

    /** Reads and verifies the artifact in {@code dir}; see the class comment for the checks. */
    public static Contents read(Path dir, long maxBytes) {
        try {
            if (!Files.isDirectory(dir)) {
                throw new ArtifactFormatException("not a folder: " + dir);
            }
            Path manifestFile = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
                throw new ArtifactFormatException("missing file " + MANIFEST);
            }
            if (Files.size(manifestFile) > maxBytes) {
                throw new ArtifactFormatException(MANIFEST + " is over the limit of " + maxBytes + " bytes");
            }
            byte[] json = Files.readAllBytes(manifestFile);
            List<String> files = listedFiles(json);
            checkEntries(dir, files, maxBytes);
            ArtifactManifest manifest = parseManifest(json);
            Map<String, byte[]> components = new LinkedHashMap<>();
            for (Component c : manifest.components()) {
                byte[] bytes = Files.readAllBytes(dir.resolve(c.file()));
                String actual = Sha256.of(bytes);
                if (!actual.equals(c.sha256())) {
                    throw new ArtifactFormatException("sha256 mismatch for " + c.file()
                            + ": manifest says " + c.sha256() + ", file has " + actual);
                }
                components.put(c.file(), bytes);
            }
            return new Contents(manifest, components);
        } catch (IOException e) {
            throw new ArtifactFormatException("cannot read artifact: " + e.getMessage(), e);
        }
    }

    private static void checkEntries(Path dir, List<String> files, long maxBytes) throws IOException {
        Set<String> present = new TreeSet<>();
        long total = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!files.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ArtifactFormatException("unexpected entry in artifact: " + name);
                }
                present.add(name);
                total += Files.size(entry);
            }
        }
        for (String file : files) {
            if (!present.contains(file)) {
                throw new ArtifactFormatException("missing file " + file);
            }
        }
        if (total > maxBytes) {
            throw new ArtifactFormatException("artifact is " + total + " bytes, over the limit of " + maxBytes);
        }
    }

    /**
     * Parses and validates manifest JSON: format version first, then the content hash against
     * {@code version}, then every field.
     */
    public static ArtifactManifest parseManifest(byte[] json) {
        JsonNode tree = tree(json);
        int format = formatOf(tree);
        ManifestVersion.verify(tree, JSON);
        ObjectNode current = format == 1 ? LegacyManifest.upgrade(tree) : (ObjectNode) tree;
        for (String optional : ArtifactManifest.OPTIONAL_FIELDS) {
            // after the hash check: a manifest written before a field existed reads it as absent
            if (!current.has(optional)) {
                current.putNull(optional);
            }
        }
        if (current.get("provenance") instanceof ObjectNode provenance) {
            for (String optional : Provenance.OPTIONAL_FIELDS) {
                if (!provenance.has(optional)) {
                    provenance.putNull(optional);
                }
            }
        }
        ArtifactManifest manifest;
        try {
            manifest = JSON.treeToValue(current, ArtifactManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ArtifactFormatException("invalid manifest: " + reason, e);
        }
        ManifestValidator.validate(manifest);
        return manifest;
    }

    /** The manifest's format version, refused unless this build reads it. */
    private static int formatOf(JsonNode tree) {
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new ArtifactFormatException("manifest has no integer formatVersion");
        }
        if (!ArtifactManifest.READABLE.contains(version.intValue())) {
            throw new ArtifactFormatException("unsupported artifact format version " + version.intValue()
                    + " (this build reads versions " + ArtifactManifest.READABLE + ")");
        }
        return version.intValue();
    }

    private static JsonNode tree(byte[] json) {
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
        return tree;
    }
}
