package io.anomalyscore.model.detector.sequence;

import ai.djl.nn.Block;
import java.util.List;

/** The {@code transformer-autoencoder} window detector: {@link WindowBlocks#transformer}. */
public final class TransformerAutoencoderKind extends WindowAutoencoderKind {

    /** The name in manifests. */
    public static final String NAME = "transformer-autoencoder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "self-attention encoder with positional encoding over a window, score = mean squared reconstruction error";
    }

    @Override
    List<Integer> defaultHidden() {
        return List.of(16, 8);
    }

    @Override
    Block block(int length, int channels, int width, int code) {
        return WindowBlocks.transformer(length, channels, width, code);
    }
}
