package io.anomalyscore.scoring;

/**
 * The one way a name submitted by a caller (an unknown feature or field name) is written into an
 * error: at most {@value #MAX_LENGTH} characters, then {@code ...}, and only characters that are
 * inert in JSON, HTML, logs and terminals.
 *
 * <p>Kept: ASCII letters and digits, the space and {@value #SAFE_PUNCTUATION}. Every other code
 * point becomes {@code ?}: control and format characters (newlines, escape sequences,
 * bidirectional overrides), quotes, backslash, angle brackets, ampersand, {@code $}, braces, and
 * all non-ASCII text, which leaves no invisible or look-alike characters to reason about.
 * Submitted values are never echoed at all.
 */
public final class EchoedName {

    /** Most code points of a name echoed. */
    public static final int MAX_LENGTH = 64;
    /** Punctuation kept besides letters, digits and the space. */
    public static final String SAFE_PUNCTUATION = "_-.,:;/()[]#%+=@!*";
    /** What replaces an unsafe code point. */
    public static final char REPLACEMENT = '?';

    private EchoedName() {}

    /** {@code name} bounded and sanitised. */
    public static String of(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH) + 3);
        int kept = 0;
        for (int at = 0; at < name.length(); at += Character.charCount(name.codePointAt(at))) {
            if (kept == MAX_LENGTH) {
                return out.append("...").toString();
            }
            int c = name.codePointAt(at);
            if (safe(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(REPLACEMENT);
            }
            kept++;
        }
        return out.toString();
    }

    /** {@code name} bounded, sanitised and in double quotes, for a sentence. */
    public static String quoted(String name) {
        return "\"" + of(name) + "\"";
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '
                || SAFE_PUNCTUATION.indexOf(c) >= 0;
    }
}
