package io.anomalyscore.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The repository's {@code template.yaml}, read with SnakeYAML. CloudFormation short-form tags
 * ({@code !Ref x}, {@code !Sub s}, {@code !If [...]}) become their long form ({@code {"Ref": x}},
 * {@code {"Fn::Sub": s}}, {@code {"Fn::If": [...]}}), so the tests see plain maps and lists.
 */
public final class SamTemplate {

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** Reads {@code template.yaml} at the project root ({@code project.root} property, else the working directory). */
    public static SamTemplate load() throws IOException {
        Path file = projectRoot().resolve("template.yaml");
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new IntrinsicConstructor()).load(reader);
            return new SamTemplate(root);
        }
    }

    /** The project root directory. */
    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "")).toAbsolutePath();
    }

    /** The whole document. */
    public Map<String, Object> root() {
        return root;
    }

    /** A top-level section ({@code Parameters}, {@code Resources}, {@code Outputs}, ...). */
    public Map<String, Object> section(String name) {
        return map(root.get(name), name);
    }

    /** The {@code Properties} of a resource. */
    public Map<String, Object> properties(String resource) {
        return map(map(section("Resources").get(resource), resource).get("Properties"), resource + ".Properties");
    }

    /** The scoring function's environment variables; intrinsic values stay as maps. */
    public Map<String, Object> environment() {
        Map<String, Object> env = map(properties("ScoringFunction").get("Environment"), "Environment");
        return map(env.get("Variables"), "Environment.Variables");
    }

    /** The scoring function's handler string. */
    public String handler() {
        return (String) properties("ScoringFunction").get("Handler");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException(what + " is not a mapping in template.yaml: " + value);
        }
        return (Map<String, Object>) value;
    }

    /** Maps every unknown tag {@code !Name} to {@code {"Fn::Name": value}} ({@code !Ref} and {@code !Condition} keep their name). */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    String name = tag.startsWith("!") ? tag.substring(1) : tag;
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = List.copyOf(constructSequence(sequence));
                    } else {
                        value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
