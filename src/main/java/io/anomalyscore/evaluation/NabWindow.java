package io.anomalyscore.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * One NAB anomaly window: a maximal run of rows labelled 1, from {@code left} to {@code right}
 * (row indices, both inclusive).
 */
public record NabWindow(int left, int right) {

    public NabWindow {
        if (left < 0 || right < left) {
            throw new IllegalArgumentException("a window needs 0 <= left <= right, got " + left + ".." + right);
        }
    }

    /** The number of rows in the window. */
    public int width() {
        return right - left + 1;
    }

    /**
     * The windows of a per-row 0/1 window label column, in row order.
     *
     * @throws IllegalArgumentException naming the row of a label that is neither 0 nor 1
     */
    public static List<NabWindow> of(int[] windowLabels) {
        List<NabWindow> windows = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < windowLabels.length; i++) {
            int label = windowLabels[i];
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("window label of row " + i + " is " + label + ", not 0 or 1");
            }
            if (label == 1 && start < 0) {
                start = i;
            } else if (label == 0 && start >= 0) {
                windows.add(new NabWindow(start, i - 1));
                start = -1;
            }
        }
        if (start >= 0) {
            windows.add(new NabWindow(start, windowLabels.length - 1));
        }
        return windows;
    }
}
