package io.anomalyscore.model.detector.network;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;

/** Builds the fully connected DJL block the MLP detectors use; training and serving both call this. */
public final class MlpBlockFactory {

    private MlpBlockFactory() {}

    /** A fresh, uninitialised block: {@code Linear(h) ReLU} per hidden width, then {@code Linear(outputs)}. */
    public static SequentialBlock build(List<Integer> hidden, int outputs) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hidden) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }

    /** Checks hidden widths: at least one layer, each in [1, 4096]. */
    public static List<Integer> checkHidden(List<Integer> hidden) {
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1 || h > 4096)) {
            throw new IllegalArgumentException("hidden layer widths must be in [1, 4096]: " + hidden);
        }
        return List.copyOf(hidden);
    }
}
