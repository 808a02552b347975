package io.anomalyscore.model.detector.isolation;

import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorFitter;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.StoredDetector;
import io.anomalyscore.model.detector.network.NetworkRunner;
import java.util.List;
import java.util.Map;

/**
 * Deep isolation forest (Xu et al., TKDE 2023) beside a plain isolation forest (Liu et al., 2008):
 * isolation trees on random, untrained {@code tanh} representations of the standardised record,
 * computed by one DJL block, and on the standardised features themselves; score = the isolation
 * score over all trees. Unsupervised: it fits every row it is given, labels or not, and needs no
 * epochs. Trees split on one value at a time and are indifferent to any per-value affine rescaling,
 * so the representations need no standardisation of their own.
 */
public final class DeepIsolationForestKind implements DetectorKind {

    /** The name in manifests. */
    public static final String NAME = "deep-isolation-forest";
    /**
     * Defaults chosen on the five shared ODDS datasets with one setting for all (bench/quality,
     * unsupervised protocol; docs/BENCHMARKS.md lists the variants tried).
     */
    public static final ForestConfig DEFAULTS = new ForestConfig(50, 128, 6, 500, 256);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "isolation trees on random tanh representations and on the features (no labels, no epochs)";
    }

    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public void check(FitSettings settings) {
        if (!settings.hidden().isEmpty()) {
            throw new IllegalArgumentException("--hidden does not apply to " + NAME + " (its representations are fixed)");
        }
    }

    @Override
    public Map<String, String> hyperParameters(FitSettings settings) {
        return Map.of("representations", Integer.toString(DEFAULTS.representations()), "units",
                Integer.toString(DEFAULTS.units()), "activation", "tanh");
    }

    @Override
    public DetectorFitter fitter() {
        return new ForestFitter(DEFAULTS);
    }

    @Override
    public Detector load(StoredDetector stored) {
        ForestConfig config = ForestConfig.of(stored.config());
        int inputs = stored.input().size();
        List<IsolationTree> trees = ForestCodec.read(stored.component(ForestFitter.FOREST));
        if (trees.size() != config.trees()) {
            throw new IllegalArgumentException("the forest has " + trees.size() + " trees, the config says "
                    + config.trees());
        }
        int width = inputs + config.stackedUnits();
        for (IsolationTree tree : trees) {
            if (tree.maxFeature() >= width) {
                throw new IllegalArgumentException("a tree splits on value " + tree.maxFeature() + " of " + width);
            }
        }
        NetworkRunner network = config.representations() == 0 ? null : NetworkRunner.load(stored.name(),
                RepresentationBlock.build(config.stackedUnits()), inputs, config.stackedUnits(),
                stored.component(ForestFitter.PARAMETERS));
        return new DeepIsolationForestDetector(stored.input(), network, trees, config.samples());
    }
}
