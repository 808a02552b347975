package io.anomalyscore.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.anomalyscore.model.AnomalyLikelihood;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Numenta HTM's anomaly likelihood over the step scores of one request. */
class AnomalyLikelihoodTest {

    /**
     * learning 2, estimation 2, history 6, re-estimation every 3 steps, averages of 2, worked by
     * hand:
     * <ul>
     *   <li>steps 0-3: probation, 0.5;
     *   <li>step 4 (first fit): history = steps 0-3, averages 0.1, 0.2, 0.25, 0.2, the first 2
     *       left out: mean 0.225, sd 0.025; the average of steps 3-4 is 0.2: z = 1, tail 0.158655;
     *   <li>step 5: average 0.5, z = 11: red after a step that was not, kept;
     *   <li>step 6 (6 % 3 = 0, re-fit): history = steps 0-5, averages 0.25, 0.2, 0.2, 0.5 kept:
     *       mean 0.2875, variance 0.01546875; the average 0.5 is 1.7086 sd above: 0.043766;
     *   <li>steps 7, 8: average 0.2, 0.7035 sd below, the same tail as above: 0.240864;
     *   <li>step 9 (re-fit): history = steps 3-8 (the window slid past steps 0-2, so nothing is
     *       left out), averages restarting at step 3: 0.2, 0.2, 0.5, 0.5, 0.2, 0.2: mean 0.3,
     *       sd sqrt 0.02; average 0.2: z = 0.7071, tail 0.239750;
     *   <li>step 10: average 1.1, z = 5.657, tail 7.709e-9: red, kept (an alert);
     *   <li>step 11: average 2.0, red again right after red: filtered to 1e-3.
     * </ul>
     */
    @Test
    void aSmallCaseWorkedByHand() {
        AnomalyLikelihood rule = new AnomalyLikelihood(2, 2, 6, 3, 2);
        double[] scores = {0.1, 0.3, 0.2, 0.2, 0.2, 0.8, 0.2, 0.2, 0.2, 0.2, 2.0, 2.0};
        double[] tails = rule.tails(scores);
        double[] expected = {0.5, 0.5, 0.5, 0.5, 0.158655, 1.9107e-28, 0.043766, 0.240864, 0.240864, 0.239750,
            7.7086e-9, 1e-3};
        for (int i = 0; i < expected.length; i++) {
            assertThat(tails[i]).as("step %d", i).isCloseTo(expected[i], within(Math.max(2e-6, expected[i] * 1e-3)));
        }
        boolean[] alerts = rule.alerts(scores);
        assertThat(IntStream.range(0, scores.length).filter(i -> alerts[i]).toArray()).containsExactly(5, 10);
    }

    @Test
    void agreesWithAStepByStepTransliterationOfTheAlgorithm() {
        Random random = new Random(3);
        double[] scores = new double[10_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.abs(0.2 + 0.05 * random.nextGaussian()) + (i % 997 < 15 ? 1.5 : 0) + i * 1e-5;
        }
        for (AnomalyLikelihood rule : List.of(AnomalyLikelihood.HTM, new AnomalyLikelihood(288, 100, 500, 100, 10),
                new AnomalyLikelihood(50, 30, 120, 7, 4))) {
            double[] fast = rule.tails(scores);
            double[] slow = stepByStep(rule, scores);
            for (int i = 0; i < scores.length; i++) {
                assertThat(fast[i]).as("%s step %d", rule, i).isCloseTo(slow[i], within(1e-9 + 1e-6 * slow[i]));
            }
            boolean[] alerts = rule.alerts(scores);
            assertThat(IntStream.range(0, scores.length).filter(i -> alerts[i]).count()).as("%s raises alerts", rule)
                    .isPositive();
        }
    }

    @Test
    void anAverageFarBelowTheHistoryIsAsUnlikelyAsOneFarAbove() {
        double[] up = new double[1000];
        double[] down = new double[1000];
        Random random = new Random(5);
        for (int i = 0; i < up.length; i++) {
            double noise = 0.05 * random.nextGaussian();
            up[i] = 1 + noise + (i >= 700 && i < 720 ? 0.8 : 0);
            down[i] = 1 + noise - (i >= 700 && i < 720 ? 0.8 : 0);
        }
        boolean[] upFlags = AnomalyLikelihood.HTM.alerts(up);
        boolean[] downFlags = AnomalyLikelihood.HTM.alerts(down);
        int[] upAlerts = IntStream.range(0, up.length).filter(i -> upFlags[i]).toArray();
        int[] downAlerts = IntStream.range(0, down.length).filter(i -> downFlags[i]).toArray();
        assertThat(upAlerts).hasSize(1);
        assertThat(upAlerts[0]).isBetween(700, 709);
        assertThat(downAlerts).containsExactly(upAlerts);
    }

    @Test
    void theRedZoneIsTheGaussianTailOfOneIn100000() {
        assertThat(AnomalyLikelihood.upperTailZ(AnomalyLikelihood.RED)).isCloseTo(4.2649, within(1e-3));
        assertThat(AnomalyLikelihood.upperTail(1)).isCloseTo(0.158655, within(1e-6));
    }

    @Test
    void htmsDefaults() {
        assertThat(AnomalyLikelihood.HTM).isEqualTo(new AnomalyLikelihood(288, 100, 8640, 100, 10));
        assertThat(AnomalyLikelihood.HTM.probation()).isEqualTo(388);
        assertThatThrownBy(() -> new AnomalyLikelihood(10, 5, 10, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The algorithm as HTM states it, step by step: a bounded queue of past scores; at a re-fit,
     * the moving averages over the whole queue, the first ones left out while the learning
     * period is in it, a normal fit, the last raw tail as the filter's history; then each step
     * extends the moving average and is filtered against the previous raw tail.
     */
    private static double[] stepByStep(AnomalyLikelihood rule, double[] scores) {
        Deque<Double> history = new ArrayDeque<>();
        double[] out = new double[scores.length];
        double mean = 0;
        double sd = 0;
        List<Double> average = null;
        double previous = 1;
        for (int i = 0; i < scores.length; i++) {
            if (i < rule.learning() + rule.estimation()) {
                out[i] = 0.5;
            } else {
                if (average == null || i % rule.reestimation() == 0) {
                    int skip = Math.min(i, Math.max(0, rule.learning() - Math.max(0, i - rule.history())));
                    List<Double> averages = new ArrayList<>();
                    average = new ArrayList<>();
                    for (double h : history) {
                        if (average.size() == rule.averaging()) {
                            average.remove(0);
                        }
                        average.add(h);
                        averages.add(average.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                    }
                    List<Double> kept = averages.subList(skip, averages.size());
                    mean = kept.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    double m = mean;
                    double variance = kept.stream().mapToDouble(a -> (a - m) * (a - m)).sum() / kept.size();
                    sd = Math.max(Math.sqrt(variance), 1e-3 * Math.abs(mean) + 1e-12);
                    previous = twoSided(averages.get(averages.size() - 1), mean, sd);
                }
                if (average.size() == rule.averaging()) {
                    average.remove(0);
                }
                average.add(scores[i]);
                double raw = twoSided(average.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), mean,
                        sd);
                out[i] = raw <= AnomalyLikelihood.RED && previous <= AnomalyLikelihood.RED ? AnomalyLikelihood.YELLOW
                        : raw;
                previous = raw;
            }
            history.addLast(scores[i]);
            if (history.size() > rule.history()) {
                history.removeFirst();
            }
        }
        return out;
    }

    private static double twoSided(double x, double mean, double sd) {
        double reflected = x < mean ? 2 * mean - x : x;
        return AnomalyLikelihood.upperTail((reflected - mean) / sd);
    }
}
