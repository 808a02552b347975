package io.anomalyscore.model.detector.isolation;

import io.anomalyscore.model.detector.DetectorFitter;
import io.anomalyscore.model.detector.FitProgress;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.TrainingSet;
import io.anomalyscore.model.detector.network.NetworkRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits a deep isolation forest: draws the random representation weights, runs every fit row
 * through them with the same {@link NetworkRunner} serving uses, and grows isolation trees on
 * subsamples of each representation and of the features. Only the rows some tree samples are
 * kept per representation, so memory stays near {@code trees x samples x units} floats.
 */
final class ForestFitter implements DetectorFitter {

    static final String PARAMETERS = "representations.params";
    static final String FOREST = "forest.json";
    private static final int CHUNK = 512;

    private final ForestConfig defaults;

    ForestFitter(ForestConfig defaults) {
        this.defaults = defaults;
    }

    @Override
    public FittedDetector fit(TrainingSet data, FitSettings settings, FitProgress progress) {
        float[][] rows = data.fit();
        int inputs = data.width();
        ForestConfig config = defaults.withSamples(Math.min(defaults.samples(), rows.length));
        progress.line(String.format("growing %d isolation trees on %d random %d-unit representations and %d on"
                + " the %d features, %d of %d rows each", config.representations() * config.treesPerRepresentation(),
                config.representations(), config.units(), config.featureTrees(), inputs, config.samples(),
                rows.length));
        Random random = new Random(settings.seed());
        byte[] parameters = RepresentationBlock.randomParameters(config, inputs, random.nextLong());
        List<IsolationTree> trees = new ArrayList<>();
        if (config.representations() > 0) {
            trees.addAll(representationTrees(rows, config, parameters, random));
        }
        for (int t = 0; t < config.featureTrees(); t++) {
            int[] sample = sample(rows.length, config.samples(), random);
            float[][] sampled = new float[sample.length][];
            for (int i = 0; i < sample.length; i++) {
                sampled[i] = rows[sample[i]];
            }
            trees.add(new IsolationTreeGrower(sampled, 0, random).grow());
        }
        List<FittedDetector.Part> parts = new ArrayList<>();
        if (config.representations() > 0) {
            parts.add(new FittedDetector.Part(PARAMETERS, "parameters", parameters));
        }
        parts.add(new FittedDetector.Part(FOREST, "data", ForestCodec.write(trees)));
        return new FittedDetector(config.toJson(), parts, 0, 0);
    }

    private static List<IsolationTree> representationTrees(float[][] rows, ForestConfig config, byte[] parameters,
            Random random) {
        int r = config.representations();
        int perRep = config.treesPerRepresentation();
        int[][] samples = new int[r * perRep][];
        for (int t = 0; t < samples.length; t++) {
            samples[t] = sample(rows.length, config.samples(), random);
        }
        float[][][] sampled = representSamples(rows, config, parameters, samples);
        List<IsolationTree> trees = new ArrayList<>();
        int inputs = rows[0].length;
        for (int t = 0; t < samples.length; t++) {
            int from = inputs + (t / perRep) * config.units();
            trees.add(new IsolationTreeGrower(sampled[t], from, random).grow());
        }
        return trees;
    }

    /** Per tree, its sampled rows' values of the tree's representation, one forward pass per row. */
    private static float[][][] representSamples(float[][] rows, ForestConfig config, byte[] parameters,
            int[][] samples) {
        int inputs = rows[0].length;
        int units = config.units();
        int perRep = config.treesPerRepresentation();
        // which (tree, position) pairs want each row, so every row is run through the network once
        List<List<int[]>> wanted = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            wanted.add(new ArrayList<>(2));
        }
        float[][][] out = new float[samples.length][][];
        for (int t = 0; t < samples.length; t++) {
            out[t] = new float[samples[t].length][];
            for (int p = 0; p < samples[t].length; p++) {
                wanted.get(samples[t][p]).add(new int[] {t, p});
            }
        }
        try (NetworkRunner network = NetworkRunner.load("representations", RepresentationBlock.build(
                config.stackedUnits()), inputs, config.stackedUnits(), parameters)) {
            for (int from = 0; from < rows.length; from += CHUNK) {
                int to = Math.min(rows.length, from + CHUNK);
                float[][] represented = network.forward(Arrays.copyOfRange(rows, from, to));
                for (int i = from; i < to; i++) {
                    for (int[] want : wanted.get(i)) {
                        int start = (want[0] / perRep) * units;
                        out[want[0]][want[1]] = Arrays.copyOfRange(represented[i - from], start,
                                start + units);
                    }
                }
            }
        }
        return out;
    }

    /** {@code k} distinct row indexes out of {@code n}, drawn without replacement. */
    static int[] sample(int n, int k, Random random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }
}
