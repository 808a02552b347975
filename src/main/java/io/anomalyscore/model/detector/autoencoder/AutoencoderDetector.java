package io.anomalyscore.model.detector.autoencoder;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.network.NetworkRunner;

/** A trained autoencoder: reconstructs each record and scores the reconstruction error. */
final class AutoencoderDetector implements Detector {

    private final InputShape input;
    private final NetworkRunner network;

    AutoencoderDetector(InputShape input, NetworkRunner network) {
        this.input = input;
        this.network = network;
    }

    @Override
    public InputShape input() {
        return input;
    }

    @Override
    public boolean attributes() {
        return true;
    }

    /**
     * Score = mean of the per-feature squared errors, in double precision, in Java (summed in
     * feature order); per-feature arrays only when attributions are asked for.
     */
    @Override
    public Scored score(float[][] inputs, boolean attribute) {
        float[] output = network.forwardFlat(inputs);
        int width = network.outputs();
        double[] scores = new double[inputs.length];
        double[][] attributions = attribute ? new double[inputs.length][] : null;
        for (int i = 0; i < inputs.length; i++) {
            float[] in = inputs[i];
            int base = i * width;
            if (attribute) {
                double[] errors = new double[in.length];
                for (int j = 0; j < in.length; j++) {
                    double d = (double) in[j] - output[base + j];
                    errors[j] = d * d;
                }
                scores[i] = mean(errors);
                attributions[i] = errors;
            } else {
                double sum = 0;
                for (int j = 0; j < in.length; j++) {
                    double d = (double) in[j] - output[base + j];
                    sum += d * d;
                }
                scores[i] = sum / in.length;
            }
        }
        return new Scored(scores, attributions);
    }

    static double mean(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += e;
        }
        return sum / errors.length;
    }

    @Override
    public void close() {
        network.close();
    }
}
