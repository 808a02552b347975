package io.anomalyscore.tuning;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How much searching a run may do: a number of trials, a wall-clock time, or both (the search stops
 * at whichever comes first). A trial under way when the time runs out is finished, not cut.
 *
 * @param trials the most trials, or {@code null} for no limit on their number
 * @param time the most wall-clock time, or {@code null} for no limit on time
 */
public record TuningBudget(Integer trials, Duration time) {

    /** Trials run when neither limit is given. */
    public static final int DEFAULT_TRIALS = 10;
    /** The most trials a run may ask for. */
    public static final int MAX_TRIALS = 1000;

    public TuningBudget {
        if (trials == null && time == null) {
            trials = DEFAULT_TRIALS;
        }
        if (trials != null && (trials < 1 || trials > MAX_TRIALS)) {
            throw new IllegalArgumentException("--trials must be in [1, " + MAX_TRIALS + "]: " + trials);
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("--tune-time must be positive: " + time);
        }
    }

    /** Whether another trial may start after {@code done} trials and {@code elapsed} time. */
    public boolean allowsAnother(int done, Duration elapsed) {
        if (done == 0) {
            return true;
        }
        return (trials == null || done < trials) && (time == null || elapsed.compareTo(time) < 0);
    }

    /**
     * Parses {@code --tune-time}: a number with a unit ({@code 90s}, {@code 15m}, {@code 2h}) or an
     * ISO-8601 duration ({@code PT15M}).
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.matches("\\d+(\\.\\d+)?[smh]")) {
                double value = Double.parseDouble(t.substring(0, t.length() - 1));
                long unit = switch (t.charAt(t.length() - 1)) {
                    case 's' -> 1_000L;
                    case 'm' -> 60_000L;
                    default -> 3_600_000L;
                };
                return Duration.ofMillis(Math.round(value * unit));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("--tune-time must be a duration such as 90s, 15m, 2h or PT15M, not " + text);
    }

    /** One phrase for output: "10 trials", "15m", "10 trials or 15m". */
    public String describe() {
        String count = trials == null ? null : trials + (trials == 1 ? " trial" : " trials");
        String clock = time == null ? null : time.toString().substring(2).toLowerCase(Locale.ROOT);
        return count == null ? clock : clock == null ? count : count + " or " + clock + ", whichever comes first";
    }
}
