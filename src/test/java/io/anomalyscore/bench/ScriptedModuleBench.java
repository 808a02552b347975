package io.anomalyscore.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.anomalyscore.model.EngineSettings;
import io.anomalyscore.model.detector.network.MlpBlockFactory;
import io.anomalyscore.model.detector.network.NetworkRunner;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Go/no-go probe for issue 12's single-record latency (not a test; run by {@code
 * bench/scripted-module}): one record through the MLP as ONE TorchScript module call on DJL's
 * PyTorch engine ({@link PtSymbolBlock}) against the product path ({@link NetworkRunner#forward},
 * seven DJL ops on an 8-row zero-padded chunk), same weights, same 8-row input, interleaved in
 * one JVM.
 *
 * <p>Arguments: {@code <dir>} written by {@code bench/scripted_module_peer.py} ({@code NAME.pt},
 * {@code NAME-fused.pt}, {@code NAME.w}, {@code ident.pt}, {@code relu7.pt}), {@code [quick]}.
 * Before and after the timed rounds every variant's outputs are compared, as raw float bits, with
 * the DJL block's for random rows at every padding (1 to 8 real rows); a mismatch is printed.
 */
public final class ScriptedModuleBench {

    private static final int HEIGHT = NetworkRunner.ROW_QUANTUM;

    private ScriptedModuleBench() {}

    public static void main(String[] args) throws Exception {
        EngineSettings.apply(1, 1);
        Path dir = Path.of(args[0]);
        boolean quick = Arrays.asList(args).contains("quick");
        int iters = quick ? 5_000 : 20_000;
        int rounds = quick ? 2 : 4;
        System.out.println("load average at start: " + loadavg());
        try (NDManager root = NDManager.newBaseManager()) {
            breakdown(root, dir, iters, rounds);
            network(root, dir, "default", 21, List.of(64, 32, 64), iters, rounds);
            network(root, dir, "wide", 166, List.of(128, 64, 128), iters, rounds);
        }
        System.out.println("load average at end: " + loadavg());
        System.exit(0); // DJL threads must not keep us alive
    }

    /** The product path against the scripted Sequential and the fused variant, one shape. */
    private static void network(NDManager root, Path dir, String name, int n, List<Integer> hidden, int iters,
            int rounds) throws Exception {
        NetworkRunner runner = NetworkRunner.load(name, MlpBlockFactory.build(hidden, n), n, n,
                djlParams(root, dir.resolve(name + ".w"), hidden, n));
        ParameterStore store = new ParameterStore(root, false);
        List<String> labels = List.of("NetworkRunner (7 DJL ops)", "TorchScript Sequential", "TorchScript addmm+relu fused");
        List<Forward> variants = List.of(runner::forward,
                scripted(root, store, module(root, dir.resolve(name + ".pt")), n),
                scripted(root, store, module(root, dir.resolve(name + "-fused.pt")), n));
        Random random = new Random(1);
        bitwise(name + " before timing", runner, variants, labels, n, random);
        float[][] one = {gaussian(random, n)};
        for (int i = 0; i < 20_000; i++) {
            for (Forward v : variants) {
                v.forward(one);
            }
        }
        for (int round = 0; round < rounds; round++) {
            long[][] t = new long[variants.size()][iters];
            for (int i = 0; i < iters; i++) {
                for (int k = 0; k < variants.size(); k++) {
                    long t0 = System.nanoTime();
                    variants.get(k).forward(one);
                    t[k][i] = System.nanoTime() - t0;
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s round %d (load %s):", name, round, loadavg()));
            double base = p50(t[0]);
            for (int k = 0; k < variants.size(); k++) {
                line.append(String.format(Locale.ROOT, "%n  %-30s p50 %6.2f us  p90 %6.2f us  %.3fx", labels.get(k),
                        p50(t[k]) / 1e3, pct(t[k], 0.9) / 1e3, p50(t[k]) / base));
            }
            System.out.println(line);
        }
        bitwise(name + " after timing", runner, variants, labels, n, random);
        runner.close();
    }

    /** Where a scripted call's time goes: create + read alone, an identity module, seven ReLUs, the network. */
    private static void breakdown(NDManager root, Path dir, int iters, int rounds) throws Exception {
        int n = 21;
        ParameterStore store = new ParameterStore(root, false);
        List<String> labels = List.of("create 8x21 + read + close", "identity module", "7 x relu module", "default network module");
        float[] flat = new float[HEIGHT * n];
        List<Runnable> calls = new ArrayList<>();
        calls.add(() -> {
            try (NDManager m = root.newSubManager()) {
                m.create(FloatBuffer.wrap(flat), new Shape(HEIGHT, n)).toByteBuffer().asFloatBuffer().get(0);
            }
        });
        for (String file : List.of("ident.pt", "relu7.pt", "default.pt")) {
            Forward f = scripted(root, store, module(root, dir.resolve(file)), n);
            float[][] one = {new float[n]};
            calls.add(() -> f.forward(one));
        }
        for (int i = 0; i < 20_000; i++) {
            calls.forEach(Runnable::run);
        }
        for (int round = 0; round < rounds; round++) {
            long[][] t = new long[calls.size()][iters];
            for (int i = 0; i < iters; i++) {
                for (int k = 0; k < calls.size(); k++) {
                    long t0 = System.nanoTime();
                    calls.get(k).run();
                    t[k][i] = System.nanoTime() - t0;
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "breakdown round %d (load %s):", round, loadavg()));
            for (int k = 0; k < calls.size(); k++) {
                line.append(String.format(Locale.ROOT, "%n  %-30s p50 %6.2f us", labels.get(k), p50(t[k]) / 1e3));
            }
            System.out.println(line);
        }
    }

    /** Compares every variant with the block (variant 0) bit for bit on 1..8 random rows, 300 times. */
    private static void bitwise(String what, NetworkRunner runner, List<Forward> variants, List<String> labels, int n,
            Random random) {
        int[] equal = new int[variants.size()];
        int rows = 0;
        for (int t = 0; t < 300; t++) {
            float[][] in = new float[1 + random.nextInt(HEIGHT)][];
            for (int i = 0; i < in.length; i++) {
                in[i] = gaussian(random, n);
            }
            float[][] ref = runner.forward(in);
            for (int k = 1; k < variants.size(); k++) {
                float[][] got = variants.get(k).forward(in);
                for (int i = 0; i < in.length; i++) {
                    if (bits(ref[i]).equals(bits(got[i]))) {
                        equal[k]++;
                    }
                }
            }
            rows += in.length;
        }
        for (int k = 1; k < variants.size(); k++) {
            System.out.printf(Locale.ROOT, "%s: %s bitwise equal to the DJL block on %d/%d rows%s%n", what, labels.get(k),
                    equal[k], rows, equal[k] == rows ? "" : "  MISMATCH");
        }
    }

    private interface Forward {
        float[][] forward(float[][] input);
    }

    /** One 8-row zero-padded forward through a TorchScript module, the contract of NetworkRunner.forward. */
    private static Forward scripted(NDManager root, ParameterStore store, PtSymbolBlock module, int n) {
        return input -> {
            float[] flat = new float[HEIGHT * n];
            for (int i = 0; i < input.length; i++) {
                System.arraycopy(input[i], 0, flat, i * n, n);
            }
            float[][] out = new float[input.length][];
            try (NDManager m = root.newSubManager()) {
                NDArray x = m.create(FloatBuffer.wrap(flat), new Shape(HEIGHT, n));
                NDArray y = module.forward(store, new NDList(x), false).singletonOrThrow();
                FloatBuffer fb = y.toByteBuffer().asFloatBuffer();
                int width = (int) (y.size() / HEIGHT);
                for (int i = 0; i < input.length; i++) {
                    out[i] = new float[width];
                    fb.get(out[i]);
                }
            }
            return out;
        };
    }

    private static PtSymbolBlock module(NDManager root, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return JniUtils.loadModule((PtNDManager) root, in, true, false);
        }
    }

    /** The raw weights (PyTorch order: weight, bias per layer) as DJL {@code .params} bytes for NetworkRunner.load. */
    private static byte[] djlParams(NDManager root, Path weights, List<Integer> hidden, int n) throws Exception {
        Block block = MlpBlockFactory.build(hidden, n);
        try (NDManager m = root.newSubManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, n));
            FloatBuffer w = ByteBuffer.wrap(Files.readAllBytes(weights)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            for (Parameter p : block.getParameters().values()) {
                float[] values = new float[(int) p.getArray().size()];
                w.get(values);
                p.getArray().set(values);
            }
            if (w.hasRemaining()) {
                throw new IllegalStateException(weights + " has " + w.remaining() + " floats too many");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        }
    }

    private static List<Integer> bits(float[] row) {
        List<Integer> b = new ArrayList<>(row.length);
        for (float f : row) {
            b.add(Float.floatToRawIntBits(f));
        }
        return b;
    }

    private static float[] gaussian(Random random, int n) {
        float[] row = new float[n];
        for (int j = 0; j < n; j++) {
            row[j] = (float) (random.nextGaussian() * 2);
        }
        return row;
    }

    private static double p50(long[] t) {
        return pct(t, 0.5);
    }

    private static double pct(long[] t, double q) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s[(int) (q * (s.length - 1))];
    }

    private static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
