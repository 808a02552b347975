package io.anomalyscore.scoring.telemetry;

import java.util.Locale;

/**
 * Writes one flat JSON object on one line, member by member; strings are escaped so a line never
 * breaks (CloudWatch Logs takes one line as one event). No JSON library: this is on every request.
 */
final class JsonLine {

    private final StringBuilder out = new StringBuilder(512).append('{');

    JsonLine text(String name, String value) {
        if (value != null) {
            name(name);
            quote(value);
        }
        return this;
    }

    JsonLine number(String name, long value) {
        name(name).append(value);
        return this;
    }

    /** A decimal with three fraction digits at most (finite values only: JSON has no NaN). */
    JsonLine number(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        name(name).append(String.format(Locale.ROOT, "%.3f", value));
        return this;
    }

    /** A member whose value is already JSON. */
    JsonLine raw(String name, String json) {
        name(name).append(json);
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private StringBuilder name(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name);
        return out.append(':');
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
