package io.anomalyscore.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which features of a raw record lie outside the model's {@link TrainingRange}: the
 * out-of-distribution signal of a scored record. A record is scored either way; a detector's
 * score means little so far outside what it was trained on (a classifier's saturates).
 */
public final class DistributionCheck {

    private final Preprocessor preprocessor;
    private final TrainingRange range;

    public DistributionCheck(Preprocessor preprocessor, TrainingRange range) {
        if (preprocessor.width() != range.width()) {
            throw new IllegalArgumentException("training range has " + range.width() + " features, the model "
                    + preprocessor.width());
        }
        this.preprocessor = preprocessor;
        this.range = range;
    }

    /** The check for {@code manifest}: its stored range, or the legacy bound when it stores none. */
    public static DistributionCheck of(ArtifactManifest manifest, Preprocessor preprocessor) {
        TrainingRange range = manifest.trainingRange() != null ? manifest.trainingRange()
                : TrainingRange.legacy(manifest.features().size());
        return new DistributionCheck(preprocessor, range);
    }

    /**
     * The indexes of the features of {@code raw} whose |z| exceeds their bound, in feature order;
     * empty when the record lies inside. A missing value, imputed, is inside by construction.
     */
    public List<Integer> outside(double[] raw) {
        List<Integer> outside = new ArrayList<>();
        for (int j = 0; j < raw.length; j++) {
            double z = preprocessor.standardized(j, raw[j]);
            if (Math.abs(z) > range.zBound()[j]) {
                outside.add(j);
            }
        }
        return outside;
    }
}
