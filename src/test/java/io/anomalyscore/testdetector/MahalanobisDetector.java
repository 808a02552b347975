package io.anomalyscore.testdetector;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.InputShape;

/** Scores the squared Mahalanobis distance; attributions are each feature's non-negative share of it. */
final class MahalanobisDetector implements Detector {

    private final InputShape input;
    private final MahalanobisStatistics stats;

    MahalanobisDetector(InputShape input, MahalanobisStatistics stats) {
        this.input = input;
        this.stats = stats;
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
        int d = stats.width();
        double[] scores = new double[inputs.length];
        double[][] attributions = attribute ? new double[inputs.length][] : null;
        for (int i = 0; i < inputs.length; i++) {
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) {
                diff[j] = inputs[i][j] - stats.mean()[j];
            }
            double[] terms = new double[d];
            for (int a = 0; a < d; a++) {
                double row = 0;
                for (int b = 0; b < d; b++) {
                    row += stats.precision()[a][b] * diff[b];
                }
                terms[a] = diff[a] * row;
                scores[i] += terms[a];
            }
            if (attribute) {
                for (int j = 0; j < d; j++) {
                    terms[j] = Math.max(0, terms[j]);
                }
                attributions[i] = terms;
            }
        }
        return new Scored(scores, attributions);
    }

    @Override
    public void close() {
        // nothing native
    }
}
