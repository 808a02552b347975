package io.anomalyscore.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.ManifestSealer;
import io.anomalyscore.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: valid artifacts that differ from the shipped default model only in their name, so
 * they have versions of their own and pass every integrity check.
 */
public final class ModelVariants {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelVariants() {}

    /** A copy of the default model named {@code name}, resealed, in {@code dir/name}. */
    public static Path variant(Path dir, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String file : new String[] {ModelArtifact.MANIFEST, ModelArtifact.WEIGHTS}) {
            Files.copy(TestArtifacts.DEFAULT_MODEL.resolve(file), copy.resolve(file));
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(copy.resolve(ModelArtifact.MANIFEST).toFile());
        manifest.put("name", name);
        Files.write(copy.resolve(ModelArtifact.MANIFEST), JSON.writeValueAsBytes(ManifestSealer.reseal(manifest)));
        return copy;
    }

    /** The version {@code artifact}'s manifest names. */
    public static String version(Path artifact) throws IOException {
        return JSON.readTree(artifact.resolve(ModelArtifact.MANIFEST).toFile()).get("version").asText();
    }
}
