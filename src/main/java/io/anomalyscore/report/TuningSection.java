package io.anomalyscore.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The "Tuning trials" section, from the manifest's {@code provenance.tuning} node as JSON
 * ({@code objective}, {@code trials[]} of {@code trial}, {@code parameters}, {@code objective},
 * {@code epochs}, and {@code best}); read as a tree so the report follows whatever
 * parameters the search recorded.
 */
final class TuningSection {

    private TuningSection() {}

    /** Appends the section when {@code manifest} has a tuning node; appends nothing otherwise. */
    static void append(Html html, JsonNode manifest) {
        JsonNode tuning = manifest.path("provenance").path("tuning");
        if (!tuning.isObject()) {
            return;
        }
        JsonNode trials = tuning.path("trials");
        String best = tuning.path("best").asText("");
        html.section("tuning", "Tuning trials");
        // no trial times: the page is part of the version hash, which must not depend on machine load
        html.paragraph("Objective: " + tuning.path("objective").asText("not recorded") + ". " + trials.size()
                + " trials; the best, trial " + (best.isEmpty() ? "-" : best)
                + ", is the configuration this artifact was trained with.");
        List<String> parameters = parameterNames(trials);
        html.raw("<table class=\"trials\">\n<thead><tr><th scope=\"col\">trial</th>");
        for (String p : parameters) {
            html.raw("<th scope=\"col\">").text(p).raw("</th>");
        }
        html.raw("<th scope=\"col\">objective</th><th scope=\"col\">epochs</th>"
                + "</tr></thead>\n<tbody>\n");
        for (JsonNode trial : trials) {
            String number = trial.path("trial").asText("");
            boolean isBest = number.equals(best);
            html.raw(isBest ? "<tr class=\"best\">" : "<tr>").raw("<th scope=\"row\">").text(number)
                    .text(isBest ? " (best)" : "").raw("</th>");
            for (String p : parameters) {
                html.raw("<td>").text(trial.path("parameters").path(p).asText("")).raw("</td>");
            }
            JsonNode objective = trial.path("objective");
            html.number("tuning.trial" + number + ".objective", objective.isNumber() ? objective.asDouble() : null,
                    "%.4f");
            html.raw("<td>").text(trial.path("epochs").asText("")).raw("</td></tr>\n");
        }
        html.raw("</tbody></table>\n").endSection();
    }

    private static List<String> parameterNames(JsonNode trials) {
        List<String> names = new ArrayList<>();
        for (JsonNode trial : trials) {
            for (Iterator<String> it = trial.path("parameters").fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
