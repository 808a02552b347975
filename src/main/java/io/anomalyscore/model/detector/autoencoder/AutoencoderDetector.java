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

    /** Score = mean of the per-feature squared errors, in double precision, in Java. */
    @Override
    public Scored score(float[][] inputs, boolean attribute) {
        float[][] output = network.forward(inputs);
        double[] scores = new double[inputs.length];
        double[][] attributions = attribute ? new double[inputs.length][] : null;
        for (int i = 0; i < inputs.length; i++) {
            double[] errors = squaredErrors(inputs[i], output[i]);
            scores[i] = mean(errors);
            if (attribute) {
                attributions[i] = errors;
            }
        }
        return new Scored(scores, attributions);
    }

    static double[] squaredErrors(float[] input, float[] reconstruction) {
        double[] errors = new double[input.length];
        for (int j = 0; j < input.length; j++) {
            double d = (double) input[j] - reconstruction[j];
            errors[j] = d * d;
        }
        return errors;
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
