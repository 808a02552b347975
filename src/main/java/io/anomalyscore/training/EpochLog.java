package io.anomalyscore.training;

import io.anomalyscore.model.detector.FitProgress;
import io.anomalyscore.report.EpochLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FitProgress} that keeps the losses of every epoch for the report and passes everything
 * on. Epoch 1 starts a new fit: a run that fits more than once keeps the curve of its last fit,
 * the one it publishes.
 */
final class EpochLog implements FitProgress {

    private final FitProgress next;
    private final List<EpochLoss> losses = new ArrayList<>();

    EpochLog(FitProgress next) {
        this.next = next;
    }

    @Override
    public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean improved, long nanos) {
        if (epoch == 1) {
            losses.clear();
        }
        losses.add(new EpochLoss(epoch, trainLoss, validationLoss));
        next.epoch(epoch, epochs, trainLoss, validationLoss, improved, nanos);
    }

    @Override
    public void line(String text) {
        next.line(text);
    }

    /** The epochs of the last fit, in order; empty when the detector has none. */
    List<EpochLoss> losses() {
        return List.copyOf(losses);
    }
}
