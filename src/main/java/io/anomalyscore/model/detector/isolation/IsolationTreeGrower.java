package io.anomalyscore.model.detector.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grows one isolation tree (Liu et al., 2008) on sampled rows: at each node a random feature among
 * those that still vary there, split uniformly between its minimum and maximum, until a node holds
 * one distinct row or reaches the height limit {@code ceil(log2 samples)}.
 */
final class IsolationTreeGrower {

    private final float[][] rows;
    private final int from;
    private final int width;
    private final Random random;
    private final int maxDepth;
    private final List<int[]> nodes = new ArrayList<>();
    private final List<Float> thresholds = new ArrayList<>();

    /**
     * @param rows the sampled rows, each the slice of the input the tree splits on
     * @param from the input index of each slice's first value, added to the stored feature indexes
     */
    IsolationTreeGrower(float[][] rows, int from, Random random) {
        this.rows = rows;
        this.from = from;
        this.width = rows[0].length;
        this.random = random;
        this.maxDepth = (int) Math.ceil(Math.log(Math.max(2, rows.length)) / Math.log(2));
    }

    IsolationTree grow() {
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        grow(all, 0);
        int n = nodes.size();
        int[] feature = new int[n];
        float[] threshold = new float[n];
        int[] left = new int[n];
        int[] right = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            int[] node = nodes.get(i);
            feature[i] = node[0];
            left[i] = node[1];
            right[i] = node[2];
            size[i] = node[3];
            threshold[i] = thresholds.get(i);
        }
        return new IsolationTree(feature, threshold, left, right, size);
    }

    /** Adds the subtree over {@code members} in pre-order and returns its root's index. */
    private int grow(int[] members, int depth) {
        int index = nodes.size();
        int[] node = {-1, 0, 0, members.length};
        nodes.add(node);
        thresholds.add(0f);
        if (depth >= maxDepth || members.length <= 1) {
            return index;
        }
        Split split = chooseSplit(members);
        if (split == null) {
            return index;
        }
        int below = 0;
        for (int m : members) {
            below += rows[m][split.feature] < split.threshold ? 1 : 0;
        }
        int[] low = new int[below];
        int[] high = new int[members.length - below];
        int l = 0;
        int h = 0;
        for (int m : members) {
            if (rows[m][split.feature] < split.threshold) {
                low[l++] = m;
            } else {
                high[h++] = m;
            }
        }
        node[0] = from + split.feature;
        thresholds.set(index, split.threshold);
        node[1] = grow(low, depth + 1);
        node[2] = grow(high, depth + 1);
        return index;
    }

    private record Split(int feature, float threshold) {}

    /** A random varying feature and a threshold strictly above its minimum, or null if none varies. */
    private Split chooseSplit(int[] members) {
        int[] candidates = new int[width];
        for (int i = 0; i < width; i++) {
            candidates[i] = i;
        }
        for (int left = width; left > 0; left--) {
            int pick = random.nextInt(left);
            int f = candidates[pick];
            candidates[pick] = candidates[left - 1];
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int m : members) {
                min = Math.min(min, rows[m][f]);
                max = Math.max(max, rows[m][f]);
            }
            if (max > min) {
                float t = (float) (min + random.nextDouble() * ((double) max - min));
                // a threshold equal to the minimum would send every sample right
                return new Split(f, t > min ? t : Math.nextUp(min));
            }
        }
        return null;
    }
}
