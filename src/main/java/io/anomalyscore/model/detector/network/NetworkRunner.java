package io.anomalyscore.model.detector.network;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.List;

/**
 * A DJL block with its trained parameters, run directly on the PyTorch engine; safe to share
 * between threads.
 *
 * <p>No DJL {@code Predictor} or {@code Translator}: each call gets an {@link NDManager} of its
 * own under the model's manager, and each row a sub-manager of that, closed as soon as the row's
 * output is copied into a Java array, so nothing native outlives a call and concurrent calls share
 * only the read-only weights (and one {@link ParameterStore}, which hands them out as they are).
 * Each row goes through the network on its own, as a {@code 1 x n} matrix: PyTorch's matrix
 * kernels accumulate differently for different batch heights, so one row per forward pass makes
 * a row's output independent of whatever else shares its call.
 */
public final class NetworkRunner implements AutoCloseable {

    private final Model model;
    private final Block block;
    private final ParameterStore parameters;
    private final int inputs;
    private final int outputs;

    private NetworkRunner(Model model, int inputs, int outputs) {
        this.model = model;
        this.block = model.getBlock();
        this.parameters = new ParameterStore(model.getNDManager(), false);
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Initialises {@code block} for {@code inputs} inputs, loads {@code params} (DJL {@code .params}
     * bytes) into it and checks, after DJL has loaded them, that every parameter has the shape the
     * block expects and that a probe forward pass gives {@code outputs} values.
     *
     * @throws IllegalArgumentException if the parameters do not fit the block
     */
    public static NetworkRunner load(String name, Block block, int inputs, int outputs, byte[] params) {
        Model model = Model.newInstance(name);
        try {
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
            List<Shape> expected = parameterShapes(block);
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
            // DJL replaces each parameter with the stored tensor without comparing shapes
            List<Shape> actual = parameterShapes(block);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("parameter shapes " + actual + ", expected " + expected);
            }
            model.setBlock(block);
            NetworkRunner runner = new NetworkRunner(model, inputs, outputs);
            float[][] probe = runner.forward(new float[][] {new float[inputs]});
            if (probe[0].length != outputs) {
                throw new IllegalStateException("network gives " + probe[0].length + " outputs, expected " + outputs);
            }
            return runner;
        } catch (Exception e) {
            model.close();
            throw new IllegalArgumentException("parameters do not fit the network on " + inputs + " inputs: "
                    + e.getMessage(), e);
        }
    }

    private static List<Shape> parameterShapes(Block block) {
        return block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
    }

    /** Network outputs, one forward pass per row. */
    public float[][] forward(float[][] input) {
        float[][] out = new float[input.length][];
        try (NDManager call = model.getNDManager().newSubManager()) {
            for (int i = 0; i < input.length; i++) {
                try (NDManager row = call.newSubManager()) {
                    NDArray x = row.create(input[i], new Shape(1, inputs));
                    out[i] = block.forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
                }
            }
        } catch (EngineException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Network outputs, up to {@code chunk} rows per forward pass (a {@code k x n} matrix): many
     * times faster for many rows, but a row's output may then differ in the last float bits from
     * {@link #forward} (PyTorch picks kernels by batch height), so callers that use it state the
     * tolerance they accept (the window detectors: {@code SequenceRoundTripTest}).
     */
    public float[][] forwardChunked(float[][] input, int chunk) {
        float[][] out = new float[input.length][];
        try (NDManager call = model.getNDManager().newSubManager()) {
            for (int from = 0; from < input.length; from += chunk) {
                int to = Math.min(input.length, from + chunk);
                try (NDManager rows = call.newSubManager()) {
                    NDArray x = rows.create(java.util.Arrays.copyOfRange(input, from, to));
                    float[] flat = block.forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
                    for (int i = from; i < to; i++) {
                        out[i] = java.util.Arrays.copyOfRange(flat, (i - from) * outputs, (i - from + 1) * outputs);
                    }
                }
            }
        } catch (EngineException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Outputs per row. */
    public int outputs() {
        return outputs;
    }

    @Override
    public void close() {
        model.close();
    }
}
