package io.anomalyscore.model;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** Builds the DJL block for an {@link Architecture}; training and serving both call this. */
public final class NetworkBlockFactory {

    private NetworkBlockFactory() {}

    /** A fresh, uninitialised block with the layers {@code architecture} describes. */
    public static SequentialBlock build(Architecture architecture) {
        SequentialBlock block = new SequentialBlock();
        for (int width : architecture.hidden()) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(Activation.reluBlock());
        }
        block.add(Linear.builder().setUnits(architecture.outputs()).build());
        return block;
    }
}
