package io.anomalyscore.model.detector.isolation;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.network.NetworkRunner;
import java.util.List;

/**
 * A trained deep isolation forest: one forward pass of the stacked representation block per
 * record, the record's features and representations laid end to end, and the isolation score
 * {@code 2^(-mean path length / c(samples))} over every tree (Liu et al., 2008), in [0, 1],
 * higher = isolated sooner = more anomalous. A record's score depends on nothing but the record.
 */
final class DeepIsolationForestDetector implements Detector {

    private final InputShape input;
    private final NetworkRunner network;
    private final IsolationTree[] trees;
    private final double normaliser;

    /** @param network the representation block, or null when the forest has no representations */
    DeepIsolationForestDetector(InputShape input, NetworkRunner network, List<IsolationTree> trees, int samples) {
        this.input = input;
        this.network = network;
        this.trees = trees.toArray(IsolationTree[]::new);
        this.normaliser = IsolationTree.averagePathLength(samples);
    }

    @Override
    public InputShape input() {
        return input;
    }

    /** No: a split on a random representation mixes every feature, so no share of the score is any one feature's. */
    @Override
    public boolean attributes() {
        return false;
    }

    @Override
    public Scored score(float[][] inputs, boolean attribute) {
        float[][] represented = network == null ? null : network.forward(inputs);
        double[] scores = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            float[] values = represented == null ? inputs[i] : concat(inputs[i], represented[i]);
            double sum = 0;
            for (IsolationTree tree : trees) {
                sum += tree.pathLength(values);
            }
            scores[i] = Math.pow(2, -sum / trees.length / normaliser);
        }
        return new Scored(scores, null);
    }

    private static float[] concat(float[] features, float[] representations) {
        float[] out = new float[features.length + representations.length];
        System.arraycopy(features, 0, out, 0, features.length);
        System.arraycopy(representations, 0, out, features.length, representations.length);
        return out;
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
        }
    }
}
