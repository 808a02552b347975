package io.anomalyscore.evaluation;

import java.util.List;

/**
 * One NAB application profile: the cost matrix that weighs an early detection inside an anomaly
 * window ({@code tpWeight}), a detection outside the windows ({@code fpWeight}) and a missed window
 * ({@code fnWeight}). The values are those of NAB's {@code config/profiles.json}; NAB's scorer does
 * not use {@code tnWeight}, it is kept so the record mirrors the file.
 *
 * @param name the profile's key in {@code profiles.json}
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight, double tnWeight) {

    public NabProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a NAB profile needs a name");
        }
        if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)) {
            throw new IllegalArgumentException("NAB profile " + name
                    + ": tpWeight must be > 0 and fpWeight, fnWeight >= 0");
        }
    }

    /** NAB's {@code standard} profile: A_TP 1, A_FP 0.11, A_FN 1. */
    public static NabProfile standard() {
        return new NabProfile("standard", 1.0, 0.11, 1.0, 1.0);
    }

    /** NAB's {@code reward_low_FP_rate} profile: false positives cost twice as much (A_FP 0.22). */
    public static NabProfile rewardLowFp() {
        return new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0, 1.0);
    }

    /** NAB's {@code reward_low_FN_rate} profile: a missed window costs twice as much (A_FN 2). */
    public static NabProfile rewardLowFn() {
        return new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0, 1.0);
    }

    /** The three profiles NAB reports, in the order of its scoreboard. */
    public static List<NabProfile> all() {
        return List.of(standard(), rewardLowFp(), rewardLowFn());
    }
}
