package io.anomalyscore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every package-qualified name a Java source refers to, in imports and inline alike, with
 * comments and string, text-block and character literals blanked out first so that prose and
 * messages never count as a dependency.
 */
final class SourceReferences {

    /**
     * A dotted name whose leading segments are lower-case (a package) and whose last segment is a
     * type or an import wildcard, not itself the tail of a longer chain such as {@code a().b.C}.
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w$.])[a-z_][\\w$]*(?:\\s*\\.\\s*[a-z_][\\w$]*)*\\s*\\.\\s*(?:[A-Z][\\w$]*|\\*)");

    /** One qualified name, where it occurs. */
    record Reference(String file, int line, String name) {

        @Override
        public String toString() {
            return file + ":" + line + " " + name;
        }
    }

    private SourceReferences() {}

    /** The references of every {@code .java} file under {@code folder}. */
    static List<Reference> under(Path folder) throws IOException {
        List<Reference> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                out.addAll(in(Files.readString(file), file.toString()));
            }
        }
        return out;
    }

    /**
     * The references in one source text. A package declaration never matches: its last segment
     * is lower-case.
     */
    static List<Reference> in(String source, String file) {
        String code = strip(source);
        List<Reference> out = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            line += (int) code.substring(counted, m.start()).chars().filter(c -> c == '\n').count();
            counted = m.start();
            out.add(new Reference(file, line, m.group().replaceAll("\\s", "")));
        }
        return out;
    }

    /** {@code source} with comments and literals replaced by spaces; line breaks stay, so lines still count. */
    static String strip(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = endOfBlanked(source, i);
            if (end == i) {
                out.append(source.charAt(i++));
            } else {
                source.substring(i, end).chars().forEach(c -> out.append(c == '\n' ? '\n' : ' '));
                i = end;
            }
        }
        return out.toString();
    }

    /** Where the comment or literal starting at {@code i} ends, or {@code i} if none starts there. */
    private static int endOfBlanked(String s, int i) {
        if (s.startsWith("//", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return closing(s, i + 3, "\"\"\"");
        }
        if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
            return closing(s, i + 1, String.valueOf(s.charAt(i)));
        }
        return i;
    }

    /** The index just past the first unescaped {@code delimiter} at or after {@code from}. */
    private static int closing(String s, int from, String delimiter) {
        int j = from;
        while (j < s.length() && !s.startsWith(delimiter, j)) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), j + delimiter.length());
    }
}
