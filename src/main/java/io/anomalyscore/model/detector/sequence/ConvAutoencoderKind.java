package io.anomalyscore.model.detector.sequence;

import ai.djl.nn.Block;
import java.util.List;

/** The {@code conv-autoencoder} window detector: {@link WindowBlocks#conv}. */
public final class ConvAutoencoderKind extends WindowAutoencoderKind {

    /** The name in manifests. */
    public static final String NAME = "conv-autoencoder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "1D-convolution autoencoder over a window of a series, score = mean squared reconstruction error";
    }

    @Override
    List<Integer> defaultHidden() {
        return List.of(16, 8);
    }

    @Override
    Block block(int length, int channels, int width, int code) {
        return WindowBlocks.conv(length, channels, width, code);
    }
}
