package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.AnomalyLikelihood;
import io.anomalyscore.model.SeriesAlerts;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The alert rules that turn the step scores of one request into anomaly flags. */
class SeriesAlertsTest {

    private static int[] flagged(boolean[] flags) {
        return IntStream.range(0, flags.length).filter(i -> flags[i]).toArray();
    }

    /** Scores 0 everywhere but 1 on {@code [from, to)}. */
    private static double[] run(int length, int from, int to) {
        double[] s = new double[length];
        for (int i = from; i < to; i++) {
            s[i] = 1;
        }
        return s;
    }

    @Test
    void windowFlagsEveryStepAtOrAboveTheThreshold() {
        double[] s = {0.1, 0.5, 0.49, 0.7};
        assertThat(flagged(SeriesAlerts.flags(s, 0.5, "window", 4))).containsExactly(1, 3);
    }

    @Test
    void coveringNeedsTheNextWindowMinusTwoStepsAboveToo() {
        int window = 5; // a step needs itself and the next 3 scores above
        assertThat(flagged(SeriesAlerts.flags(run(20, 6, 10), 0.5, "covering", window))).containsExactly(6);
        assertThat(flagged(SeriesAlerts.flags(run(20, 6, 12), 0.5, "covering", window))).containsExactly(6, 7, 8);
        assertThat(flagged(SeriesAlerts.flags(run(20, 6, 9), 0.5, "covering", window))).isEmpty();
        // the last window - 2 steps of a request cannot be decided
        assertThat(flagged(SeriesAlerts.flags(run(20, 0, 20), 0.5, "covering", window))).hasSize(17)
                .endsWith(16);
    }

    @Test
    void crossingFlagsTheFirstStepOfEachRun() {
        double[] s = {0, 1, 1, 1, 0, 1, 0, 0, 1, 1};
        assertThat(flagged(SeriesAlerts.flags(s, 0.5, "crossing", 4))).containsExactly(1, 5, 8);
    }

    @Test
    void likelihoodAlertsOnceOnASpikeAndNeverOnASlowDrift() {
        Random random = new Random(7);
        int n = 3000;
        double[] drift = new double[n];
        for (int i = 0; i < n; i++) {
            drift[i] = 1 + i * 0.002 + 0.2 * random.nextGaussian(); // seven times its level by the end
        }
        // every step is far above a threshold fitted on the first steps, yet nothing is unlikely
        assertThat(flagged(SeriesAlerts.flags(drift, 1.5, "window", 64)).length).isGreaterThan(2500);
        assertThat(flagged(SeriesAlerts.flags(drift, 1.5, "likelihood", 64))).isEmpty();

        double[] spike = new double[n];
        for (int i = 0; i < n; i++) {
            spike[i] = 1 + 0.1 * random.nextGaussian();
        }
        for (int i = 2000; i < 2030; i++) {
            spike[i] += 3;
        }
        int[] alerts = flagged(SeriesAlerts.flags(spike, Double.MAX_VALUE, "likelihood", 64));
        // one alert for the 30 raised steps, within the 10 steps the average takes to rise; the
        // tail is two-sided, so a chance run of low scores in the noise may alert too (here one,
        // at step 1614, an average 4.3 standard deviations below the mean)
        int[] inSpike = IntStream.of(alerts).filter(i -> i >= 2000 && i < 2030).toArray();
        assertThat(inSpike).hasSize(1);
        assertThat(inSpike[0]).isBetween(2000, 2009);
        assertThat(alerts.length).isLessThanOrEqualTo(2);
    }

    @Test
    void likelihoodWaitsForItsHistoryAndRarelyFiresOnNoise() {
        int firstJudged = AnomalyLikelihood.HTM.probation(); // 388: HTM's learning period 288 plus 100 samples
        double[] early = run(1000, firstJudged - 10, firstJudged);
        assertThat(flagged(SeriesAlerts.flags(early, 0.5, "likelihood", 64))).isEmpty();
        double[] late = run(1000, firstJudged, firstJudged + 10);
        assertThat(flagged(SeriesAlerts.flags(late, 0.5, "likelihood", 64))).containsExactly(firstJudged);

        Random random = new Random(11);
        double[] noise = random.doubles(20_000).map(u -> 1 + u).toArray();
        assertThat(flagged(SeriesAlerts.flags(noise, 0.0, "likelihood", 64)).length).isLessThanOrEqualTo(2);
    }

    @Test
    void anUnknownRuleIsRefused() {
        assertThatThrownBy(() -> SeriesAlerts.flags(new double[] {1}, 0, "bogus", 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
    }
}
