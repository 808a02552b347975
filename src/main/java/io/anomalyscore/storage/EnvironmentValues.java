package io.anomalyscore.storage;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code anomaly.s3.*} settings read from environment variables, named as Quarkus maps them
 * ({@code max-attempts} is {@code ANOMALY_S3_MAX_ATTEMPTS}); a malformed value is an error naming
 * the variable.
 */
final class EnvironmentValues {

    private final Function<String, String> env;

    EnvironmentValues(Function<String, String> env) {
        this.env = env;
    }

    /** The variable that holds {@code anomaly.s3.<key>}. */
    static String variable(String key) {
        return "ANOMALY_S3_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    Optional<String> text(String key) {
        return Optional.ofNullable(env.apply(variable(key))).map(String::strip).filter(s -> !s.isEmpty());
    }

    Optional<Boolean> bool(String key) {
        return text(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, v, "true or false");
        });
    }

    Optional<Integer> integer(String key) {
        return text(key).map(v -> {
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw invalid(key, v, "an integer");
            }
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).map(v -> {
            try {
                if (v.matches("\\d+")) {
                    return Duration.ofSeconds(Long.parseLong(v));
                }
                if (v.matches("\\d+(?i:ms)")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                return Duration.parse(v.regionMatches(true, 0, "P", 0, 1) ? v : "PT" + v);
            } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
                throw invalid(key, v, "a duration such as 10S, PT10S, 10 (seconds) or 500ms");
            }
        });
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(variable(key) + " is '" + value + "', expected " + expected);
    }
}
