package io.anomalyscore.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a detector's per-feature (or per-channel) attributions into the top shares a response
 * shows: share = attribution / sum, largest first, ties in input order.
 */
final class Contributions {

    private final List<String> names;
    private final int top;

    /**
     * @param names feature or channel names, in input order
     * @param top how many contributions a result lists at most
     */
    Contributions(List<String> names, int top) {
        this.names = List.copyOf(names);
        this.top = top;
    }

    /** The top shares of {@code attributions}; {@code null} when the detector gave none. */
    List<ScoreResponse.Contribution> of(double[] attributions) {
        if (attributions == null) {
            return null;
        }
        double sum = 0;
        for (double a : attributions) {
            sum += a;
        }
        List<ScoreResponse.Contribution> all = new ArrayList<>(attributions.length);
        for (int j = 0; j < attributions.length; j++) {
            all.add(new ScoreResponse.Contribution(names.get(j), sum > 0 ? attributions[j] / sum : 0.0));
        }
        // stable sort: ties keep input order
        all.sort(Comparator.comparingDouble(ScoreResponse.Contribution::share).reversed());
        return List.copyOf(all.subList(0, Math.min(top, all.size())));
    }
}
