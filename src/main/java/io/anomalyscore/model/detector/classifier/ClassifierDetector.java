package io.anomalyscore.model.detector.classifier;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.network.NetworkRunner;

/** A trained classifier: score = sigmoid of the network's logit, in double precision. */
final class ClassifierDetector implements Detector {

    private final InputShape input;
    private final NetworkRunner network;

    ClassifierDetector(InputShape input, NetworkRunner network) {
        this.input = input;
        this.network = network;
    }

    @Override
    public InputShape input() {
        return input;
    }

    @Override
    public boolean attributes() {
        return false;
    }

    @Override
    public Scored score(float[][] inputs, boolean attribute) {
        float[][] logits = network.forward(inputs);
        double[] scores = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            scores[i] = 1.0 / (1.0 + Math.exp(-(double) logits[i][0]));
        }
        return new Scored(scores, null);
    }

    @Override
    public void close() {
        network.close();
    }
}
