package io.anomalyscore.model;

import io.anomalyscore.model.detector.InputShape;

/** Cuts a preprocessed series into the flattened windows a window detector scores. */
public final class SeriesWindows {

    private SeriesWindows() {}

    /**
     * Every window ending at a step from {@code length - 1} on (stride 1), each flattened oldest
     * first: the window ending at step t is rows {@code t - length + 1 .. t}.
     *
     * @throws IllegalArgumentException if there are fewer rows than the window length
     */
    public static float[][] ending(float[][] rows, InputShape window) {
        return starting(rows, window, 0, 1);
    }

    /**
     * The windows whose first row is {@code from}, {@code from + stride}, ... and that fit in
     * {@code rows}.
     *
     * @throws IllegalArgumentException if not even one window fits
     */
    public static float[][] starting(float[][] rows, InputShape window, int from, int stride) {
        int length = window.length();
        int width = window.width();
        if (rows.length - from < length) {
            throw new IllegalArgumentException("the series has " + (rows.length - from)
                    + " steps, fewer than the window of " + length);
        }
        int count = (rows.length - from - length) / stride + 1;
        float[][] windows = new float[count][length * width];
        for (int w = 0; w < count; w++) {
            int start = from + w * stride;
            for (int t = 0; t < length; t++) {
                System.arraycopy(rows[start + t], 0, windows[w], t * width, width);
            }
        }
        return windows;
    }
}
