package io.anomalyscore.model.detector.sequence;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.network.NetworkRunner;

/**
 * A trained window autoencoder: reconstructs each window and scores it by its mean squared (or,
 * with the {@code absolute} error, mean absolute) reconstruction error over every step and
 * channel; the attribution of a channel is that error over the window's steps.
 */
final class WindowAutoencoder implements Detector {

    /**
     * Windows per forward pass (128: at least as fast as 64 and 256 for all three window blocks in
     * {@code bench/speed --only sequence}, BENCHMARKS.md). A window's score then depends on the
     * other windows of its chunk in the last float bits only: within a relative 1e-4 of the window
     * scored alone ({@code SequenceRoundTripTest}; measured at most 7.1e-6 over all 273 windows of
     * its series, the same at 64), and the same every time for the same request.
     */
    static final int CHUNK = 128;

    private final InputShape input;
    private final NetworkRunner network;
    private final boolean absolute;

    WindowAutoencoder(InputShape input, NetworkRunner network, boolean absolute) {
        this.input = input;
        this.network = network;
        this.absolute = absolute;
    }

    @Override
    public InputShape input() {
        return input;
    }

    @Override
    public boolean attributes() {
        return true;
    }

    @Override
    public Scored score(float[][] inputs, boolean attribute) {
        float[][] output = network.forwardChunked(inputs, CHUNK);
        double[] scores = new double[inputs.length];
        double[][] attributions = attribute ? new double[inputs.length][] : null;
        for (int i = 0; i < inputs.length; i++) {
            double[] channels = channelErrors(inputs[i], output[i], input.width(), absolute);
            double sum = 0;
            for (double c : channels) {
                sum += c;
            }
            scores[i] = sum / channels.length;
            if (attribute) {
                attributions[i] = channels;
            }
        }
        return new Scored(scores, attributions);
    }

    /**
     * Mean squared (or absolute) error per channel over the window (layout: step-major,
     * channel-minor).
     */
    static double[] channelErrors(float[] window, float[] reconstruction, int width, boolean absolute) {
        double[] errors = new double[width];
        int steps = window.length / width;
        for (int k = 0; k < window.length; k++) {
            double d = (double) window[k] - reconstruction[k];
            errors[k % width] += absolute ? Math.abs(d) : d * d;
        }
        for (int c = 0; c < width; c++) {
            errors[c] /= steps;
        }
        return errors;
    }

    @Override
    public void close() {
        network.close();
    }
}
