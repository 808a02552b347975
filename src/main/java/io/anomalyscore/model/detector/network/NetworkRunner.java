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
 * <p>No DJL {@code Predictor} or {@code Translator}: each chunk of rows gets an {@link NDManager}
 * of its own under the model's manager, closed as soon as the chunk's output is copied into Java
 * arrays, so nothing native outlives a call and concurrent calls share only the read-only weights
 * (and one {@link ParameterStore}, which hands them out as they are).
 *
 * <p>{@link #forward} runs up to {@link #MAX_CHUNK} rows per forward pass, each chunk zero-padded
 * to a height that is a multiple of {@link #ROW_QUANTUM}. PyTorch's matrix kernels accumulate
 * differently for some batch heights (a {@code 1 x n} pass never matches a chunked one, and heights
 * that are not a multiple of 8 do not always match each other); measured on libtorch 2.7.1 (one
 * intra-op thread, x86-64), every height that is a multiple of 8 gives a row the same bits
 * whatever the other rows, their order and the row's position, which {@code
 * BatchIndependenceTest} checks on every build. So a row's output does not depend on its call.
 */
public final class NetworkRunner implements AutoCloseable {

    /** Chunk heights are multiples of this; the last chunk is zero-padded up to one. */
    public static final int ROW_QUANTUM = 8;

    /** Rows per forward pass at most (a multiple of {@link #ROW_QUANTUM}). */
    public static final int MAX_CHUNK = 512;

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
            runner.forward(new float[][] {new float[inputs]}); // checks the output width
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

    /**
     * Network outputs, one {@code float[]} per row: {@link #forwardFlat} split into rows.
     */
    public float[][] forward(float[][] input) {
        float[] flat = forwardFlat(input);
        float[][] out = new float[input.length][];
        for (int i = 0; i < input.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * outputs, (i + 1) * outputs);
        }
        return out;
    }

    /**
     * Network outputs in one row-major array ({@code input.length x outputs()}): chunks of up to
     * {@link #MAX_CHUNK} rows, each padded with zero rows to a multiple of {@link #ROW_QUANTUM}.
     * The rows are written into a direct buffer of the calling thread's, which the chunk's input
     * array aliases (no copy inside DJL), and the output is read with one bulk copy from the
     * output array's own memory.
     */
    public float[] forwardFlat(float[][] input) {
        float[] out = new float[input.length * outputs];
        if (input.length == 0) {
            return out;
        }
        java.nio.ByteBuffer bytes = inputBuffer(height(Math.min(input.length, MAX_CHUNK)) * inputs);
        try {
            for (int from = 0; from < input.length; from += MAX_CHUNK) {
                int rows = Math.min(MAX_CHUNK, input.length - from);
                forwardRows(input, from, rows, height(rows), bytes, out, from * outputs);
            }
        } catch (EngineException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * One forward pass: rows {@code from..from+rows-1} of {@code input} written into {@code bytes},
     * zero rows up to {@code height}, and the real rows' outputs copied into {@code out} at
     * {@code offset}.
     */
    private void forwardRows(float[][] input, int from, int rows, int height, java.nio.ByteBuffer bytes, float[] out,
            int offset) {
        java.nio.FloatBuffer floats = bytes.clear().asFloatBuffer();
        for (int i = 0; i < rows; i++) {
            floats.put(input[from + i], 0, inputs);
        }
        for (int k = rows * inputs; k < height * inputs; k++) {
            floats.put(0f);
        }
        bytes.limit(height * inputs * Float.BYTES);
        try (NDManager pass = model.getNDManager().newSubManager()) {
            NDArray x = pass.create(bytes, new Shape(height, inputs), DataType.FLOAT32);
            NDArray result = block.forward(parameters, new NDList(x), false).singletonOrThrow();
            if (result.size() != (long) height * outputs) {
                throw new IllegalStateException("network gives " + result.size() / height + " outputs, expected "
                        + outputs);
            }
            result.toByteBuffer(true).asFloatBuffer().get(out, offset, rows * outputs);
        }
    }

    /** Direct, native-order input buffers, one per thread, grown as needed (never shared by two calls at once). */
    private static final ThreadLocal<java.nio.ByteBuffer> INPUT = new ThreadLocal<>();

    private static java.nio.ByteBuffer inputBuffer(int floats) {
        java.nio.ByteBuffer b = INPUT.get();
        if (b == null || b.capacity() < floats * Float.BYTES) {
            b = java.nio.ByteBuffer.allocateDirect(floats * Float.BYTES).order(java.nio.ByteOrder.nativeOrder());
            INPUT.set(b);
        }
        b.clear();
        return b;
    }

    /** The forward-pass height for {@code rows} rows: the next multiple of {@link #ROW_QUANTUM}. */
    static int height(int rows) {
        return (rows + ROW_QUANTUM - 1) / ROW_QUANTUM * ROW_QUANTUM;
    }

    /**
     * Network outputs, up to {@code chunk} rows per forward pass (a {@code k x n} matrix, no
     * padding): for the window blocks (convolutions, LSTM, attention), whose kernels were not
     * measured for height independence, so a row's output may differ in the last float bits with
     * its neighbours; callers that use it state the tolerance they accept (the window detectors:
     * {@code SequenceRoundTripTest}).
     */
    public float[][] forwardChunked(float[][] input, int chunk) {
        float[][] out = new float[input.length][];
        if (input.length == 0) {
            return out;
        }
        java.nio.ByteBuffer bytes = inputBuffer(Math.min(input.length, chunk) * inputs);
        float[] flat = new float[Math.min(input.length, chunk) * outputs];
        try {
            for (int from = 0; from < input.length; from += chunk) {
                int rows = Math.min(chunk, input.length - from);
                forwardRows(input, from, rows, rows, bytes, flat, 0);
                for (int i = 0; i < rows; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(flat, i * outputs, (i + 1) * outputs);
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
