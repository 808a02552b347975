package io.anomalyscore.report;

import java.util.Base64;
import java.util.Locale;

/** Appends escaped HTML to a buffer: text, numbers with their exact value, tables and PNG figures. */
final class Html {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Text with {@code & < > "} escaped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends raw markup. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Opens a section with its heading. */
    Html section(String id, String heading) {
        return raw("<section id=\"" + id + "\">\n<h2>").text(heading).raw("</h2>\n");
    }

    Html endSection() {
        return raw("</section>\n");
    }

    /** A paragraph of escaped text. */
    Html paragraph(String text) {
        return raw("<p>").text(text).raw("</p>\n");
    }

    /** A table row: a header cell, then cells of escaped text. */
    Html row(String header, String... cells) {
        raw("<tr><th scope=\"row\">").text(header).raw("</th>");
        for (String c : cells) {
            raw("<td>").text(c).raw("</td>");
        }
        return raw("</tr>\n");
    }

    /**
     * A table cell showing {@code value} rounded, its exact value in {@code data-value} and its
     * meaning in {@code data-metric}, so a reader (or a test) can match it against the manifest.
     */
    Html number(String metric, Double value, String format) {
        if (value == null) {
            return raw("<td data-metric=\"" + escape(metric) + "\">-</td>");
        }
        return raw("<td data-metric=\"" + escape(metric) + "\" data-value=\"" + value + "\">")
                .text(String.format(Locale.ROOT, format, value)).raw("</td>");
    }

    /** An integer cell with {@code data-metric} and {@code data-value}. */
    Html count(String metric, long value) {
        return raw("<td data-metric=\"" + escape(metric) + "\" data-value=\"" + value + "\">" + value + "</td>");
    }

    /** A PNG figure as a data URI, with its alternative text and caption. */
    Html figure(String id, byte[] png, String alt, String caption) {
        raw("<figure id=\"" + id + "\"><img alt=\"").text(alt).raw("\" src=\"data:image/png;base64,")
                .raw(Base64.getEncoder().encodeToString(png)).raw("\">\n<figcaption>").text(caption)
                .raw("</figcaption></figure>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
