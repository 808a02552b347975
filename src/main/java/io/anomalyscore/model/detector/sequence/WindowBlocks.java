package io.anomalyscore.model.detector.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.TransformerEncoderBlock;

/**
 * The DJL blocks of the three window autoencoders; training and serving both build them here.
 *
 * <p>Every block takes the window flattened oldest first, {@code (batch, length * channels)}, and
 * returns its reconstruction in the same layout, so the generic trainer and runner need no
 * knowledge of windows. Each squeezes the window through a bottleneck of {@code code} values
 * (the last hidden width): without one, a convolution or attention layer can learn the identity
 * and reconstruct anomalies as well as normal windows.
 */
public final class WindowBlocks {

    private static final int KERNEL = 5;

    private WindowBlocks() {}

    /** 1D convolutions over time (channels as convolution channels), a dense code, convolutions back. */
    public static Block conv(int length, int channels, int filters, int code) {
        SequentialBlock b = new SequentialBlock();
        b.add(reshape("to-ncw", length, channels)).add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "ncw"));
        b.add(conv1d(filters)).add(Activation.reluBlock());
        b.add(conv1d(filters)).add(Activation.reluBlock());
        b.add(LambdaBlock.singleton(x -> x.reshape(-1, (long) filters * length), "flatten-features"));
        b.add(Linear.builder().setUnits(code).build()).add(Activation.reluBlock());
        b.add(Linear.builder().setUnits((long) filters * length).build()).add(Activation.reluBlock());
        b.add(LambdaBlock.singleton(x -> x.reshape(-1, filters, length), "unflatten-features"));
        b.add(conv1d(filters)).add(Activation.reluBlock());
        b.add(conv1d(channels));
        b.add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "nwc")).add(flatten(length, channels));
        return b;
    }

    /** An LSTM encoder whose last state is the code, repeated over the window into an LSTM decoder. */
    public static Block lstm(int length, int channels, int state, int code) {
        SequentialBlock b = new SequentialBlock();
        b.add(reshape("to-nwc", length, channels));
        b.add(LSTM.builder().setStateSize(state).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        b.add(LambdaBlock.singleton(x -> x.get(":, -1, :"), "last-step"));
        b.add(Linear.builder().setUnits(code).build()).add(Activation.tanhBlock());
        b.add(LambdaBlock.singleton(x -> x.expandDims(1).repeat(1, length), "repeat"));
        b.add(LSTM.builder().setStateSize(state).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        b.add(Linear.builder().setUnits(channels).build()).add(flatten(length, channels));
        return b;
    }

    /**
     * A self-attention encoder over the steps with sinusoidal positional encoding (attention alone
     * is blind to order), a dense code, and a per-step linear read-out.
     */
    public static Block transformer(int length, int channels, int model, int code) {
        float[] positions = positionalEncoding(length, model);
        SequentialBlock b = new SequentialBlock();
        b.add(reshape("to-nwc", length, channels));
        b.add(Linear.builder().setUnits(model).build());
        b.add(new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            return new NDList(x.add(x.getManager().create(positions, new Shape(length, model))));
        }, "positions"));
        b.add(new TransformerEncoderBlock(model, heads(model), 2 * model, 0f, Activation::relu));
        b.add(LambdaBlock.singleton(x -> x.reshape(-1, (long) model * length), "flatten-model"));
        b.add(Linear.builder().setUnits(code).build()).add(Activation.reluBlock());
        b.add(Linear.builder().setUnits((long) model * length).build());
        b.add(LambdaBlock.singleton(x -> x.reshape(-1, length, model), "unflatten-model"));
        b.add(Activation.reluBlock()).add(Linear.builder().setUnits(channels).build()).add(flatten(length, channels));
        return b;
    }

    /** Attention heads: two when the model width is even, else one. */
    static int heads(int model) {
        return model % 2 == 0 ? 2 : 1;
    }

    /** The fixed encoding of "Attention is all you need": sin on even, cos on odd dimensions. */
    static float[] positionalEncoding(int length, int model) {
        float[] pe = new float[length * model];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < model; i++) {
                double angle = t / Math.pow(10000, (2 * (i / 2)) / (double) model);
                pe[t * model + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return pe;
    }

    private static Block conv1d(int filters) {
        return Conv1d.builder().setKernelShape(new Shape(KERNEL)).optPadding(new Shape(KERNEL / 2))
                .setFilters(filters).build();
    }

    private static Block reshape(String name, int length, int channels) {
        return LambdaBlock.singleton(x -> x.reshape(-1, length, channels), name);
    }

    private static Block flatten(int length, int channels) {
        return LambdaBlock.singleton(x -> x.reshape(-1, (long) length * channels), "flatten");
    }
}
