package io.anomalyscore.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Standardised rows in, raw network outputs out, as plain Java arrays.
 *
 * <p>Taking and returning plain arrays means every NDArray of a call lives in the predictor's
 * per-call manager, which DJL closes when the call returns: nothing native outlives a request.
 */
final class NetworkTranslator implements NoBatchifyTranslator<float[][], float[][]> {

    private final int outputs;

    NetworkTranslator(int outputs) {
        this.outputs = outputs;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[][] rows) {
        return new NDList(ctx.getNDManager().create(rows));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray out = list.singletonOrThrow();
        float[] flat = out.toFloatArray();
        int rows = flat.length / outputs;
        float[][] result = new float[rows][outputs];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * outputs, result[i], 0, outputs);
        }
        return result;
    }
}
