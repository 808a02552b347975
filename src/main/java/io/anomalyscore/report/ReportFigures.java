package io.anomalyscore.report;

import java.util.List;

/**
 * What a training run measured beyond the manifest, for the report's charts.
 *
 * @param losses training and validation loss per epoch of the kept fit; empty for detectors
 *     without epochs
 * @param scoredSplit the split {@code scores} come from: the manifest's headline split with
 *     labels, {@code training} without
 * @param scores raw scores of that split's rows (steps, for series)
 * @param labels their 0/1 labels, or {@code null} without labels
 * @param contributions features by share of the scores, largest first; empty when not computed
 * @param contributionMethod how the shares were measured, as a sentence for the reader
 * @param series the whole series' step scores, or {@code null} for record detectors
 */
public record ReportFigures(List<EpochLoss> losses, String scoredSplit, double[] scores, int[] labels,
        List<FeatureShare> contributions, String contributionMethod, SeriesTrace series) {

    public ReportFigures {
        losses = List.copyOf(losses);
        contributions = List.copyOf(contributions);
    }
}
