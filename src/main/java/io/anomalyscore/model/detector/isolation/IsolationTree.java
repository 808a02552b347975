package io.anomalyscore.model.detector.isolation;

import java.util.Arrays;

/**
 * One trained isolation tree in array form: node {@code i} is a leaf when {@code feature[i] < 0},
 * else it sends an input whose value at {@code feature[i]} is below {@code threshold[i]} to {@code
 * left[i]} and the rest to {@code right[i]}; a leaf keeps how many training samples reached it.
 *
 * @param feature per node, the index of the input value it splits on, or -1 for a leaf
 * @param threshold per node, the split value (unused for leaves)
 * @param left per node, the child for values below the threshold
 * @param right per node, the child for the other values
 * @param size per node, training samples that reached it (used for leaves)
 */
public record IsolationTree(int[] feature, float[] threshold, int[] left, int[] right, int[] size) {

    public IsolationTree {
        int n = feature.length;
        if (n == 0 || threshold.length != n || left.length != n || right.length != n || size.length != n) {
            throw new IllegalArgumentException("tree arrays must be non-empty and of one length");
        }
        for (int i = 0; i < n; i++) {
            boolean leaf = feature[i] < 0;
            if (!leaf && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
                throw new IllegalArgumentException("node " + i + " has children outside the tree");
            }
        }
    }

    /** The largest input index any node reads, or -1 for a single leaf. */
    public int maxFeature() {
        return Arrays.stream(feature).max().orElse(-1);
    }

    /**
     * Path length of {@code input}: the depth of the leaf it reaches plus the average path length
     * of an unbuilt tree over that leaf's samples, as in Liu et al. (2008).
     */
    public double pathLength(float[] input) {
        int node = 0;
        int depth = 0;
        while (feature[node] >= 0) {
            node = input[feature[node]] < threshold[node] ? left[node] : right[node];
            depth++;
        }
        return depth + averagePathLength(size[node]);
    }

    /** {@code c(n)}: the average path length of an unsuccessful search in a binary search tree of n keys. */
    public static double averagePathLength(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + 0.5772156649015329) - 2.0 * (n - 1) / n;
    }
}
