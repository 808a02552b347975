package io.anomalyscore.model;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded, verified detector that scores raw records; safe to share between threads.
 *
 * <p>It holds one DJL {@link Model} and runs its block directly (no DJL {@code Predictor} or
 * {@code Translator}): each call gets an {@link NDManager} of its own under the model's manager,
 * and each record a sub-manager of that, closed as soon as the record's output is copied into a
 * Java array, so nothing native outlives a request and concurrent calls share only the read-only
 * weights. Each record goes through the network on its own, as a {@code 1 x features} matrix:
 * PyTorch's matrix kernels accumulate differently for different batch heights, so a row scored
 * inside a batch would differ in the last bits from the same row scored alone; one row per forward
 * pass makes a record's score independent of whatever else shares its request.
 */
public final class AnomalyModel implements AutoCloseable {

    private final ArtifactManifest manifest;
    private final Preprocessor preprocessor;
    private final Calibration calibration;
    private final boolean autoencoder;
    private final Model model;
    private final Block block;
    /** Hands the block the loaded weights as they are (no copy); filled by the first forward pass, at load. */
    private final ParameterStore parameters;

    private AnomalyModel(ArtifactManifest manifest, Model model) {
        this.manifest = manifest;
        this.preprocessor = manifest.preprocessing().toPreprocessor();
        this.calibration = manifest.calibration();
        this.autoencoder = manifest.detectorType() == DetectorType.AUTOENCODER;
        this.model = model;
        this.block = model.getBlock();
        this.parameters = new ParameterStore(model.getNDManager(), false);
    }

    /** Reads, verifies and loads the artifact folder {@code dir}. */
    public static AnomalyModel load(Path dir, long maxBytes) {
        return load(ModelArtifact.read(dir, maxBytes));
    }

    /** Loads verified artifact contents; fails if the weights do not fit the manifest's network. */
    public static AnomalyModel load(ModelArtifact.Contents contents) {
        ArtifactManifest manifest = contents.manifest();
        Architecture architecture = manifest.network();
        Block block = NetworkBlockFactory.build(architecture);
        Model model = Model.newInstance(manifest.name());
        try {
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, architecture.inputs()));
            List<Shape> expected = parameterShapes(block);
            block.loadParameters(model.getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(contents.weights())));
            // DJL replaces each parameter with the stored tensor without comparing shapes
            List<Shape> actual = parameterShapes(block);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("parameter shapes " + actual + ", expected " + expected);
            }
            model.setBlock(block);
            AnomalyModel loaded = new AnomalyModel(manifest, model);
            loaded.checkShapes();
            return loaded;
        } catch (Exception e) {
            model.close();
            throw new ArtifactFormatException("weights do not match the manifest's network "
                    + architecture.hidden() + " on " + architecture.inputs() + " features: " + e.getMessage(), e);
        }
    }

    private static List<Shape> parameterShapes(Block block) {
        return block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
    }

    private void checkShapes() {
        float[][] out = forward(new float[][] {new float[manifest.features().size()]});
        if (out.length != 1 || out[0].length != manifest.network().outputs()) {
            throw new IllegalStateException("network output has the wrong shape");
        }
    }

    /** The manifest this model was loaded from. */
    public ArtifactManifest manifest() {
        return manifest;
    }

    /** The preprocessing this model applies to raw records. */
    public Preprocessor preprocessor() {
        return preprocessor;
    }

    /**
     * Scores raw records given in feature order (NaN = missing, imputed or rejected).
     *
     * @param explain whether to return per-feature reconstruction errors (autoencoder only)
     */
    public RecordScore[] score(double[][] raw, boolean explain) {
        float[][] input = preprocessor.transform(raw);
        float[][] output = forward(input);
        RecordScore[] scores = new RecordScore[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double score;
            double[] errors = null;
            if (autoencoder) {
                errors = Scores.squaredErrors(input[i], output[i]);
                score = Scores.mean(errors);
            } else {
                score = Scores.sigmoid(output[i][0]);
            }
            scores[i] = new RecordScore(score, calibration.percentile(score), calibration.anomalous(score),
                    explain ? errors : null);
        }
        return scores;
    }

    /** Raw scores only, for evaluation and calibration. */
    public double[] rawScores(double[][] raw) {
        RecordScore[] scored = score(raw, false);
        double[] out = new double[scored.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scored[i].score();
        }
        return out;
    }

    /**
     * One forward pass per row. Replaced a pooled {@code Predictor} + {@code Translator} (same DJL
     * ops per row, bit-identical outputs): that kept every row's intermediate arrays until the whole
     * batch ended and added context overhead per call; see docs/BENCHMARKS.md, "Speed".
     */
    private float[][] forward(float[][] input) {
        float[][] out = new float[input.length][];
        try (NDManager call = model.getNDManager().newSubManager()) {
            for (int i = 0; i < input.length; i++) {
                try (NDManager row = call.newSubManager()) {
                    NDArray x = row.create(input[i], new Shape(1, input[i].length));
                    out[i] = block.forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
                }
            }
        } catch (EngineException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Live native resources for leak tests and diagnostics: every NDArray (and other non-manager
     * resource) and every manager under the engine's root manager, found by walking DJL's {@code
     * BaseNDManager} resource maps. Only meaningful while no call is running.
     */
    public NativeResources nativeResources() {
        NDManager root = model.getNDManager();
        while (root.getParentManager() != null && root.getParentManager() != root) {
            root = root.getParentManager();
        }
        int[] counts = new int[2];
        count(root, counts, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return new NativeResources(counts[0], counts[1]);
    }

    /**
     * @param arrays live arrays and other non-manager resources, temporary attachments included
     * @param managers live managers, the root included
     */
    public record NativeResources(int arrays, int managers) {}

    private static void count(Object resource, int[] counts, java.util.Set<Object> seen) {
        if (!seen.add(resource)) {
            return;
        }
        if (!(resource instanceof BaseNDManager manager)) {
            counts[0]++;
            return;
        }
        counts[1]++;
        for (Object child : field(manager, "resources").values()) {
            count(child, counts, seen);
        }
        counts[0] += field(manager, "tempResources").size();
    }

    private static java.util.Map<?, ?> field(BaseNDManager manager, String name) {
        try {
            java.lang.reflect.Field f = BaseNDManager.class.getDeclaredField(name);
            f.setAccessible(true);
            return (java.util.Map<?, ?>) f.get(manager);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DJL's BaseNDManager has no field " + name, e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
