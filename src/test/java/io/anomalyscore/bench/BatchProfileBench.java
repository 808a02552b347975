package io.anomalyscore.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.Calibration;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.RecordScore;
import io.anomalyscore.model.detector.network.MlpBlockFactory;
import io.anomalyscore.model.detector.network.MlpConfig;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the time of one batch-1024 {@code AnomalyModel.score} call goes (not a test; run by hand,
 * {@code BENCHMARKS.md} "Profile of a batch-1024 call" gives the command): the whole call, then each
 * piece alone on the same rows and the same weights, median of many calls, one PyTorch thread.
 *
 * <p>Arguments: {@code <wide-model-dir> [quick]} (the 166-feature model {@code bench/speed}
 * trains into {@code target/bench/speed/wide/<version>}).
 */
public final class BatchProfileBench {

    private static int n = 400;

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("quick")) {
            n = 100;
        }
        System.out.println("| model | piece | median µs per 1,024-row call |");
        System.out.println("|---|---|---:|");
        try (AnomalyModel cardio = AnomalyModel.load(SpeedBench.DEFAULT_MODEL, ModelArtifact.DEFAULT_MAX_BYTES)) {
            profile("default", cardio, SpeedBench.DEFAULT_MODEL, SpeedBench.cardioRows());
        }
        Path wideDir = Path.of(args[0]);
        try (AnomalyModel wide = AnomalyModel.load(wideDir, ModelArtifact.DEFAULT_MAX_BYTES)) {
            profile("wide", wide, wideDir, SpeedBench.synthetic(2048, wide.manifest().features().size(), 7));
        }
    }

    static void profile(String name, AnomalyModel model, Path dir, double[][] rows) throws Exception {
        int size = 1024;
        double[][] batch = new double[size][];
        for (int i = 0; i < size; i++) {
            batch[i] = rows[i % rows.length];
        }
        int inputs = model.manifest().features().size();
        print(name, "whole `AnomalyModel.score(1024 rows, explain=false)`", time(() -> model.score(batch, false)));
        float[][] x = model.preprocessor().transform(batch);
        print(name, "standardise (`Preprocessor.transform`, per-row float[])", time(() -> model.preprocessor().transform(batch)));

        Block block = MlpBlockFactory.build(MlpConfig.of(model.manifest().detectorConfig()).hidden(), inputs);
        try (Model m = Model.newInstance("profile")) {
            block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
            block.loadParameters(m.getNDManager(), new DataInputStream(new ByteArrayInputStream(
                    Files.readAllBytes(dir.resolve(ModelArtifact.WEIGHTS)))));
            m.setBlock(block);
            NDManager base = m.getNDManager();
            ParameterStore ps = new ParameterStore(base, false);
            float[] flat = new float[size * inputs];
            for (int i = 0; i < size; i++) {
                System.arraycopy(x[i], 0, flat, i * inputs, inputs);
            }
            print(name, "pack rows into one float[] (arraycopy)", time(() -> {
                for (int i = 0; i < size; i++) {
                    System.arraycopy(x[i], 0, flat, i * inputs, inputs);
                }
                return flat;
            }));
            print(name, "`create` from a heap FloatBuffer (allocateDirect + copy) + close", time(() -> {
                try (NDManager s = base.newSubManager()) {
                    return s.create(FloatBuffer.wrap(flat), new Shape(size, inputs));
                }
            }));
            ByteBuffer direct = ByteBuffer.allocateDirect(flat.length * 4).order(ByteOrder.nativeOrder());
            print(name, "`create` from a reused direct buffer (put + alias) + close", time(() -> {
                direct.asFloatBuffer().put(flat);
                try (NDManager s = base.newSubManager()) {
                    return s.create(direct, new Shape(size, inputs), DataType.FLOAT32);
                }
            }));
            for (int chunk : new int[] {256, 512, 1024}) {
                try (NDManager s = base.newSubManager()) {
                    NDArray[] parts = new NDArray[size / chunk];
                    for (int p = 0; p < parts.length; p++) {
                        parts[p] = s.create(Arrays.copyOfRange(flat, p * chunk * inputs, (p + 1) * chunk * inputs),
                                new Shape(chunk, inputs));
                    }
                    print(name, "`block.forward` only, " + parts.length + " x " + chunk + " rows", time(() -> {
                        for (NDArray part : parts) {
                            try (NDManager t = s.newSubManager()) {
                                NDArray y = block.forward(ps, new NDList(part), false).singletonOrThrow();
                                y.attach(t);
                            }
                        }
                        return null;
                    }));
                }
            }
            try (NDManager s = base.newSubManager()) {
                NDArray in = s.create(flat, new Shape(size, inputs));
                NDArray out = block.forward(ps, new NDList(in), false).singletonOrThrow();
                print(name, "read output: `toByteBuffer()` (copy) + get float[] per row", time(() -> {
                    FloatBuffer y = out.toByteBuffer().asFloatBuffer();
                    float[][] rowsOut = new float[size][];
                    for (int i = 0; i < size; i++) {
                        rowsOut[i] = new float[inputs];
                        y.get(rowsOut[i]);
                    }
                    return rowsOut;
                }));
                float[] outFlat = new float[size * inputs];
                print(name, "read output: `toByteBuffer(true)` (alias) + one bulk get", time(() -> {
                    out.toByteBuffer(true).asFloatBuffer().get(outFlat);
                    return outFlat;
                }));
                float[][] y = new float[size][];
                FloatBuffer yb = out.toByteBuffer().asFloatBuffer();
                for (int i = 0; i < size; i++) {
                    y[i] = new float[inputs];
                    yb.get(y[i]);
                }
                print(name, "squared error + mean per row (Java, double)", time(() -> {
                    double[] scores = new double[size];
                    for (int i = 0; i < size; i++) {
                        double sum = 0;
                        for (int j = 0; j < inputs; j++) {
                            double d = (double) x[i][j] - y[i][j];
                            sum += d * d;
                        }
                        scores[i] = sum / inputs;
                    }
                    return scores;
                }));
                print(name, "squared error, per-row double[] of errors then mean (old detector code)", time(() -> {
                    double[] scores = new double[size];
                    for (int i = 0; i < size; i++) {
                        double[] e = new double[inputs];
                        for (int j = 0; j < inputs; j++) {
                            double d = (double) x[i][j] - y[i][j];
                            e[j] = d * d;
                        }
                        double sum = 0;
                        for (double v : e) {
                            sum += v;
                        }
                        scores[i] = sum / inputs;
                    }
                    return scores;
                }));
            }
        }
        double[] scores = model.rawScores(batch);
        Calibration calibration = model.manifest().calibration();
        print(name, "calibration (percentile + threshold) + `RecordScore` per row", time(() -> {
            RecordScore[] r = new RecordScore[size];
            for (int i = 0; i < size; i++) {
                r[i] = new RecordScore(scores[i], calibration.percentile(scores[i]), calibration.anomalous(scores[i]), null);
            }
            return r;
        }));
        System.out.println("| " + name + " | (load average " + SpeedBench.loadavg() + ") | |");
    }

    interface Piece {
        Object run() throws Exception;
    }

    static double time(Piece p) throws Exception {
        Object sink = null;
        for (int i = 0; i < n / 2; i++) {
            sink = p.run();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            sink = p.run();
            t[i] = System.nanoTime() - s;
        }
        if (sink == null && t.length < 0) {
            System.out.println();
        }
        Arrays.sort(t);
        return t[n / 2] / 1e3;
    }

    static void print(String model, String piece, double us) {
        System.out.printf("| %s | %s | %.1f |%n", model, piece, us);
    }
}
