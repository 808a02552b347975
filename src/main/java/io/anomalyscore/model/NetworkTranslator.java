package io.anomalyscore.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * One standardised row in, the raw network output for it out, as plain Java arrays.
 *
 * <p>Each row goes through the network on its own, as a {@code 1 x features} matrix. PyTorch's
 * matrix kernels accumulate differently for different batch heights, so a row scored inside a
 * batch would differ in the last bits from the same row scored alone; one row per forward pass
 * makes a record's score independent of whatever else shares its request. Taking and returning
 * plain arrays keeps every NDArray in the predictor's per-call manager, which DJL closes when the
 * call returns: nothing native outlives a request.
 */
final class NetworkTranslator implements NoBatchifyTranslator<float[], float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[] row) {
        return new NDList(ctx.getNDManager().create(row, new Shape(1, row.length)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toFloatArray();
    }
}
