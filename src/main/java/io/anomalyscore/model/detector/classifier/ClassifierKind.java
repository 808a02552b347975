package io.anomalyscore.model.detector.classifier;

import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorFitter;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.StoredDetector;
import io.anomalyscore.model.detector.network.MlpBlockFactory;
import io.anomalyscore.model.detector.network.MlpConfig;
import io.anomalyscore.model.detector.network.NetworkRunner;
import io.anomalyscore.model.detector.network.NetworkTrainer;
import io.anomalyscore.model.detector.network.TrainingLoss;
import java.util.List;
import java.util.Map;

/**
 * The seed's supervised classifier: Dense 100 ReLU, Dense 50 ReLU, Dense 1 sigmoid, trained with
 * binary cross-entropy and Adam ({@code --hidden} or {@code --tune} may choose other hidden widths).
 * The network's single output is a logit; the sigmoid is applied
 * in Java, which is the same function as a sigmoid layer but lets training use the numerically
 * stable BCE-with-logits loss. Score = probability of anomaly.
 */
public final class ClassifierKind implements DetectorKind {

    /** The name in manifests. */
    public static final String NAME = "classifier";
    /** The seed's hidden layers, the default. */
    public static final List<Integer> HIDDEN = List.of(100, 50);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MLP classifier (default 100-50-1) sigmoid, BCE + Adam, score = probability (needs --label)";
    }

    @Override
    public boolean supervised() {
        return true;
    }

    @Override
    public Map<String, String> hyperParameters(FitSettings settings) {
        return Map.of("loss", "binary-cross-entropy", "optimizer", "adam");
    }

    @Override
    public DetectorFitter fitter() {
        return (data, settings, progress) -> {
            List<Integer> hidden = settings.hidden().isEmpty() ? HIDDEN : settings.hidden();
            progress.line(String.format("training %s %s on %d rows, early stopping on %d rows", NAME, hidden,
                    data.fit().length, data.stop().length));
            NetworkTrainer.Result trained = new NetworkTrainer(progress).fit(() -> MlpBlockFactory.build(hidden, 1),
                    TrainingLoss.BINARY_CROSS_ENTROPY_WITH_LOGITS, data.fit(), targets(data.fitLabels()), data.stop(),
                    targets(data.stopLabels()), settings);
            return new FittedDetector(new MlpConfig(hidden).toJson(),
                    List.of(new FittedDetector.Part(ModelArtifact.WEIGHTS, "parameters", trained.weights())),
                    trained.epochsRun(), trained.bestEpoch());
        };
    }

    private static float[][] targets(int[] labels) {
        float[][] y = new float[labels.length][1];
        for (int i = 0; i < labels.length; i++) {
            y[i][0] = labels[i];
        }
        return y;
    }

    @Override
    public Detector load(StoredDetector stored) {
        int features = stored.input().size();
        MlpConfig config = MlpConfig.of(stored.config());
        NetworkRunner network = NetworkRunner.load(stored.name(), MlpBlockFactory.build(config.hidden(), 1),
                features, 1, stored.component(ModelArtifact.WEIGHTS));
        return new ClassifierDetector(stored.input(), network);
    }
}
