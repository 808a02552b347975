package io.anomalyscore.model.detector.network;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.anomalyscore.model.detector.FitProgress;
import io.anomalyscore.model.detector.FitSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Fits a DJL block on the PyTorch engine: Adam (optionally with L2 weight decay), mini-batches shuffled by seed, early stopping on
 * the validation loss; returns the parameters of the best epoch (of the last epoch run with {@link
 * FitSettings#keepLast}) as DJL {@code .params}. Shared by
 * every network detector; the detector chooses the block, the loss and the targets.
 */
public final class NetworkTrainer {

    /** What training produced. */
    public record Result(byte[] weights, int epochsRun, int bestEpoch, double bestValidationLoss) {}

    private final FitProgress progress;

    public NetworkTrainer(FitProgress progress) {
        this.progress = progress;
    }

    /**
     * Trains {@code block} (built by {@code blockFactory} after the engine's seed is set) to map
     * {@code x} to {@code y} under {@code loss}; {@code validationX}/{@code validationY} drive
     * early stopping (when empty, the training loss does).
     */
    public Result fit(java.util.function.Supplier<Block> blockFactory, TrainingLoss loss, float[][] x, float[][] y,
            float[][] validationX, float[][] validationY, FitSettings settings) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Block block = blockFactory.get();
        int inputs = x[0].length;
        Adam.Builder adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate()));
        if (settings.weightDecay() > 0) {
            adam.optWeightDecays((float) settings.weightDecay());
        }
        Adam optimizer = adam.build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss.djl()).optOptimizer(optimizer)
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("training")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config);
                    NDManager data = trainer.getManager().newSubManager()) {
                trainer.initialize(new Shape(1, inputs));
                Epochs epochs = new Epochs(trainer, loss, new ParameterUpdate(block, optimizer));
                // each matrix crosses into native memory once, for every epoch
                return loop(epochs, block, matrix(data, x), matrix(data, y), matrix(data, validationX),
                        matrix(data, validationY), settings);
            }
        }
    }

    private Result loop(Epochs epochs, Block block, NDArray x, NDArray y, NDArray vx, NDArray vy, FitSettings s) {
        Random random = new Random(s.seed());
        long[] order = new long[Math.toIntExact(x.getShape().get(0))];
        boolean validated = vx != null;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        byte[] best = weights(block);
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        double lastLoss = Double.NaN;
        while (epoch < s.epochs() && epoch - bestEpoch < s.patience()) {
            epoch++;
            long start = System.nanoTime();
            shuffle(order, random);
            double trainLoss = epochs.train(x, y, order, s.batchSize());
            double validationLoss = validated ? epochs.evaluate(vx, vy, s.batchSize()) : trainLoss;
            lastLoss = validationLoss;
            boolean improved = validationLoss < bestLoss;
            if (improved) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best = weights(block);
            }
            progress.epoch(epoch, s.epochs(), trainLoss, validated ? validationLoss : Double.NaN,
                    improved, System.nanoTime() - start);
        }
        if (s.keepLast() && bestEpoch != epoch) {
            return new Result(weights(block), epoch, epoch, lastLoss);
        }
        return new Result(best, epoch, bestEpoch, bestLoss);
    }

    /** One training epoch and one validation pass over native matrices. */
    private record Epochs(Trainer trainer, TrainingLoss loss, ParameterUpdate update) {

        /**
         * One epoch: the rows are gathered in the epoch's order once, natively, and split into
         * mini-batch views of consecutive rows (the same values, in the same order, as building
         * each batch from Java arrays, so the same bits); each step's arrays have their own
         * manager; gradients are recorded for the whole epoch.
         */
        double train(NDArray x, NDArray y, long[] order, int batch) {
            double sum = 0;
            try (NDManager epoch = trainer.getManager().newSubManager()) {
                NDArray index = epoch.create(order);
                NDList xs = batches(x.get(index), batch, epoch);
                NDList ys = batches(y.get(index), batch, epoch);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    for (int b = 0; b < xs.size(); b++) {
                        try (NDManager step = epoch.newSubManager()) {
                            NDArray bx = xs.get(b);
                            NDArray by = ys.get(b);
                            bx.attach(step);
                            by.attach(step);
                            NDArray prediction = trainer.forward(new NDList(bx)).singletonOrThrow();
                            NDArray value = loss.evaluate(by, prediction);
                            collector.backward(value);
                            sum += value.toFloatArray()[0] * bx.getShape().get(0);
                            update.step();
                        }
                    }
                }
            }
            return sum / order.length;
        }

        double evaluate(NDArray x, NDArray y, int batch) {
            double sum = 0;
            int count = Math.toIntExact(x.getShape().get(0));
            for (int from = 0; from < count; from += batch) {
                int to = Math.min(count, from + batch);
                try (NDManager m = trainer.getManager().newSubManager()) {
                    NDArray prediction = trainer.evaluate(new NDList(rows(x, from, to, m))).singletonOrThrow();
                    sum += loss.evaluate(rows(y, from, to, m), prediction).toFloatArray()[0] * (to - from);
                }
            }
            return sum / count;
        }

        /** {@code rows} (owned by {@code manager}) split into views of {@code batch} rows, the last shorter. */
        private static NDList batches(NDArray rows, int batch, NDManager manager) {
            rows.attach(manager);
            long count = rows.getShape().get(0);
            long[] cuts = new long[Math.toIntExact((count - 1) / batch)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (long) (i + 1) * batch;
            }
            NDList views = rows.split(cuts, 0);
            views.attach(manager);
            return views;
        }
    }

    /** Rows {@code from..to-1} of {@code data} as a view owned by {@code manager}. */
    private static NDArray rows(NDArray data, int from, int to, NDManager manager) {
        NDArray view = data.get(new NDIndex("{}:{}", from, to));
        view.attach(manager);
        return view;
    }

    /** {@code rows} as one {@code k x n} native matrix owned by {@code manager}; null when empty. */
    private static NDArray matrix(NDManager manager, float[][] rows) {
        if (rows.length == 0) {
            return null;
        }
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return manager.create(flat, new Shape(rows.length, width));
    }

    private static void shuffle(long[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static byte[] weights(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
