package io.anomalyscore.model.detector.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the trees as the JSON {@code data} component: {@code {"trees": [{"feature":
 * [...], "threshold": [...], "left": [...], "right": [...], "size": [...]}, ...]}}.
 */
final class ForestCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForestCodec() {}

    static byte[] write(List<IsolationTree> trees) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("trees");
        for (IsolationTree t : trees) {
            ObjectNode node = list.addObject();
            ArrayNode feature = node.putArray("feature");
            ArrayNode threshold = node.putArray("threshold");
            ArrayNode left = node.putArray("left");
            ArrayNode right = node.putArray("right");
            ArrayNode size = node.putArray("size");
            for (int i = 0; i < t.feature().length; i++) {
                feature.add(t.feature()[i]);
                threshold.add(t.threshold()[i]);
                left.add(t.left()[i]);
                right.add(t.right()[i]);
                size.add(t.size()[i]);
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the trees.
     *
     * @throws IllegalArgumentException if the JSON is not a list of well-formed trees
     */
    static List<IsolationTree> read(byte[] bytes) {
        JsonNode trees;
        try {
            trees = JSON.readTree(bytes).get("trees");
        } catch (IOException e) {
            throw new IllegalArgumentException("the forest is not valid JSON: " + e.getMessage(), e);
        }
        if (trees == null || !trees.isArray()) {
            throw new IllegalArgumentException("the forest has no 'trees' list");
        }
        List<IsolationTree> out = new ArrayList<>();
        for (JsonNode t : trees) {
            out.add(new IsolationTree(ints(t, "feature"), floats(t, "threshold"), ints(t, "left"), ints(t, "right"),
                    ints(t, "size")));
        }
        return out;
    }

    private static JsonNode array(JsonNode tree, String name) {
        JsonNode a = tree.get(name);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("a tree has no '" + name + "' list");
        }
        return a;
    }

    private static int[] ints(JsonNode tree, String name) {
        JsonNode a = array(tree, name);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isInt()) {
                throw new IllegalArgumentException("tree '" + name + "' values must be integers");
            }
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    private static float[] floats(JsonNode tree, String name) {
        JsonNode a = array(tree, name);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("tree '" + name + "' values must be numbers");
            }
            out[i] = a.get(i).floatValue();
        }
        return out;
    }
}
