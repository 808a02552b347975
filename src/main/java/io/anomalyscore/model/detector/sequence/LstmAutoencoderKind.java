package io.anomalyscore.model.detector.sequence;

import ai.djl.nn.Block;
import java.util.List;

/** The {@code lstm-autoencoder} window detector: {@link WindowBlocks#lstm}. */
public final class LstmAutoencoderKind extends WindowAutoencoderKind {

    /** The name in manifests. */
    public static final String NAME = "lstm-autoencoder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "LSTM encoder/decoder over a window of a series, score = mean squared reconstruction error";
    }

    @Override
    List<Integer> defaultHidden() {
        return List.of(32, 8);
    }

    @Override
    Block block(int length, int channels, int width, int code) {
        return WindowBlocks.lstm(length, channels, width, code);
    }
}
