package io.anomalyscore.model.detector.sequence;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.detector.Detector;
import io.anomalyscore.model.detector.DetectorFitter;
import io.anomalyscore.model.detector.DetectorKind;
import io.anomalyscore.model.detector.FitSettings;
import io.anomalyscore.model.detector.FittedDetector;
import io.anomalyscore.model.detector.InputShape;
import io.anomalyscore.model.detector.StoredDetector;
import io.anomalyscore.model.detector.network.NetworkRunner;
import io.anomalyscore.model.detector.network.NetworkTrainer;
import io.anomalyscore.model.detector.network.TrainingLoss;
import java.util.List;
import java.util.Map;

/**
 * What the three window autoencoders share: MSE training of window to window, the stored {@link
 * WindowConfig}, loading and scoring; a subclass only names itself and builds its block from two
 * widths (the layer width and the bottleneck code).
 */
abstract class WindowAutoencoderKind implements DetectorKind {

    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public InputShape.Kind inputKind() {
        return InputShape.Kind.WINDOW;
    }

    @Override
    public InputShape input(JsonNode config, int features) {
        WindowConfig window = WindowConfig.of(config);
        if (window.channels() != features) {
            throw new IllegalArgumentException("the detector config has " + window.channels()
                    + " channels, the manifest " + features + " features");
        }
        return InputShape.window(window.window(), features);
    }

    @Override
    public void check(FitSettings settings) {
        if (!settings.hidden().isEmpty() && settings.hidden().size() != 2) {
            throw new IllegalArgumentException("--hidden for " + name() + " takes two widths (layer, code), not "
                    + settings.hidden());
        }
    }

    @Override
    public Map<String, String> hyperParameters(FitSettings settings) {
        return Map.of("loss", "mse", "optimizer", "adam");
    }

    /** Default {@code [layer, code]} widths. */
    abstract List<Integer> defaultHidden();

    /** A fresh, uninitialised block over flattened windows. */
    abstract Block block(int length, int channels, int width, int code);

    @Override
    public DetectorFitter fitter() {
        return (data, settings, progress) -> {
            InputShape shape = data.input();
            if (shape.kind() != InputShape.Kind.WINDOW) {
                throw new IllegalArgumentException(name() + " scores windows of a series, not single records");
            }
            List<Integer> hidden = settings.hidden().isEmpty() ? defaultHidden() : settings.hidden();
            WindowConfig config = new WindowConfig(shape.length(), data.stride(), shape.width(), hidden);
            progress.line(String.format("training %s %s on %d windows of %d x %d, early stopping on %d windows",
                    name(), hidden, data.fit().length, shape.length(), shape.width(), data.stop().length));
            NetworkTrainer.Result trained = new NetworkTrainer(progress).fit(
                    () -> block(config), TrainingLoss.MEAN_SQUARED_ERROR, data.fit(), data.fit(), data.stop(), data.stop(),
                    settings);
            return new FittedDetector(config.toJson(),
                    List.of(new FittedDetector.Part(ModelArtifact.WEIGHTS, "parameters", trained.weights())),
                    trained.epochsRun(), trained.bestEpoch());
        };
    }

    private Block block(WindowConfig c) {
        return block(c.window(), c.channels(), c.hidden().get(0), c.hidden().get(1));
    }

    @Override
    public Detector load(StoredDetector stored) {
        WindowConfig config = WindowConfig.of(stored.config());
        if (config.hidden().size() != 2) {
            throw new IllegalArgumentException("hidden must hold two widths (layer, code): " + config.hidden());
        }
        int size = stored.input().size();
        return new WindowAutoencoder(stored.input(),
                NetworkRunner.load(stored.name(), block(config), size, size, stored.component(ModelArtifact.WEIGHTS)),
                config.error().equals("absolute"));
    }
}
