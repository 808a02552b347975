package io.anomalyscore.model.detector.isolation;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * The random representations of a deep isolation forest as one DJL block: a single bias-free
 * {@code Linear} whose output holds every representation's units side by side, then {@code tanh};
 * so all representations of a record come from one forward pass. The weights are never trained:
 * each representation's are drawn Xavier-uniform from the seed, as in Xu et al. (TKDE 2023).
 */
final class RepresentationBlock {

    private RepresentationBlock() {}

    /** A fresh, uninitialised block with {@code stackedUnits} outputs; training and serving both call this. */
    static Block build(int stackedUnits) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(stackedUnits).optBias(false).build())
                .add(Activation.tanhBlock());
    }

    /**
     * Random weights for {@code inputs} inputs as DJL {@code .params} bytes: uniform in {@code
     * +-sqrt(6 / (inputs + units))}, drawn from {@code seed}.
     */
    static byte[] randomParameters(ForestConfig config, int inputs, long seed) {
        Block block = build(config.stackedUnits());
        try (Model model = Model.newInstance("representations"); NDManager manager = model.getNDManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
            Parameter weight = block.getParameters().valueAt(0);
            Shape shape = weight.getArray().getShape();
            float[] values = new float[Math.toIntExact(shape.size())];
            Random random = new Random(seed);
            double limit = Math.sqrt(6.0 / (inputs + config.units()));
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
            }
            weight.getArray().set(FloatBuffer.wrap(values));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                block.saveParameters(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
