package io.anomalyscore.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.Metrics;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.model.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders a training run's {@code report.html}: one self-contained page (charts as PNG data URIs,
 * no script, no external resource) built from the final manifest and the run's {@link
 * ReportFigures}. The figures on the page are the manifest's; the page shows no time of day, so the
 * same run makes the same bytes (the report is a component the version's hash covers).
 */
public final class ReportPage {

    /** The report's file name in the artifact. */
    public static final String FILE = "report.html";

    private static final String STYLE = "body{font-family:sans-serif;max-width:920px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:right}th{background:#f2f2f2}th[scope=row]{text-align:left}figure{margin:1em 0}"
            + "figcaption{font-size:.9em;color:#555}tr.best{font-weight:bold}section{margin-top:2em}";

    private ReportPage() {}

    /** The page's bytes (UTF-8). */
    public static byte[] render(ArtifactManifest manifest, ReportFigures figures) {
        return render(manifest, tree(manifest), figures);
    }

    /** The page, with the manifest also as JSON ({@code manifestJson}): sections such as tuning read the tree. */
    static byte[] render(ArtifactManifest manifest, JsonNode manifestJson, ReportFigures figures) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .text("Training report: " + manifest.name()).raw("</title>\n<style>" + STYLE + "</style>\n</head>\n"
                        + "<body>\n<h1>").text("Training report: " + manifest.name()).raw("</h1>\n");
        html.paragraph("Detector " + manifest.detector() + ", " + manifest.provenance().mode() + ", "
                + manifest.features().size() + " features. This page is one of the artifact's files: its sha256 is in"
                + " manifest.json, and the version's content hash covers it.");
        dataset(html, manifest, figures.series() != null);
        MetricsSection.append(html, manifest, figures);
        losses(html, manifest, figures);
        contributions(html, figures);
        if (figures.series() != null) {
            html.section("series", "Scores along the series");
            html.figure("chart-series", ReportCharts.series(figures.series(), manifest.threshold()),
                    "score per step", "Score of the window ending at each step; shaded: steps labelled anomalous;"
                            + " vertical lines: where the validation and test segments start; red: the threshold.");
            html.endSection();
        }
        TuningSection.append(html, manifestJson);
        html.raw("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void dataset(Html html, ArtifactManifest manifest, boolean series) {
        Provenance p = manifest.provenance();
        html.section("dataset", "Dataset and split");
        html.raw("<table>\n");
        html.row("source", p.dataSource());
        html.row("sha256", p.dataSha256());
        html.row("label column", p.labelColumn() == null ? "none" : p.labelColumn());
        html.row("features", String.join(", ", manifest.features()));
        html.raw("<tr><th scope=\"row\">" + (series ? "steps" : "rows") + " read</th>").count("rows", p.rows())
                .raw("</tr>\n");
        html.raw("<tr><th scope=\"row\">training split</th>").count("trainingRows", p.trainingRows()).raw("</tr>\n");
        html.raw("<tr><th scope=\"row\">" + (series ? "windows fitted" : "rows fitted") + "</th>")
                .count("fittedRows", p.fittedRows()).raw("</tr>\n");
        html.raw("<tr><th scope=\"row\">validation split</th>").count("validationRows", p.validationRows())
                .raw("</tr>\n");
        html.raw("<tr><th scope=\"row\">test split</th>").count("testRows", p.testRows()).raw("</tr>\n");
        html.raw("</table>\n");
        html.paragraph("Training settings: " + p.hyperParameters() + ".");
        html.endSection();
    }

    private static void losses(Html html, ArtifactManifest manifest, ReportFigures figures) {
        html.section("loss", "Training and validation loss");
        Provenance p = manifest.provenance();
        if (figures.losses().isEmpty() && p.tuning() != null) {
            html.paragraph("The published weights come from the best trial of the --tune search, whose trials are"
                    + " fitted without keeping per-epoch losses, so there is no loss curve; " + p.epochsRun()
                    + " epochs run, the weights of epoch " + p.bestEpoch() + " kept (see Tuning trials).");
        } else if (figures.losses().isEmpty()) {
            html.paragraph("The " + manifest.detector() + " detector is not trained by epochs (the deep isolation"
                    + " forest fits random representations and isolation trees once), so there is no loss curve.");
        } else {
            html.paragraph(p.epochsRun() + " epochs run; the weights of epoch " + p.bestEpoch()
                    + " (lowest validation loss) are kept.");
            html.figure("chart-loss", ReportCharts.losses(figures.losses(), p.bestEpoch()), "loss per epoch",
                    "Mean loss per epoch over the fitted rows and the validation rows.");
        }
        html.endSection();
    }

    private static void contributions(Html html, ReportFigures figures) {
        html.section("contributions", "Features that contribute most to the scores");
        List<FeatureShare> shares = figures.contributions();
        if (shares.isEmpty()) {
            html.paragraph(figures.contributionMethod());
        } else {
            List<FeatureShare> top = shares.subList(0, Math.min(10, shares.size()));
            html.paragraph(figures.contributionMethod());
            html.figure("chart-contributions", ReportCharts.contributions(top), "feature contributions",
                    "The " + top.size() + " largest shares.");
            html.raw("<table>\n<thead><tr><th scope=\"col\">feature</th><th scope=\"col\">share</th></tr></thead>\n");
            for (FeatureShare s : top) {
                html.raw("<tr><th scope=\"row\">").text(s.feature()).raw("</th>")
                        .number("contribution." + s.feature(), s.share(), "%.3f").raw("</tr>\n");
            }
            html.raw("</table>\n");
        }
        html.endSection();
    }

    private static JsonNode tree(ArtifactManifest manifest) {
        try {
            return new ObjectMapper().readTree(ModelArtifact.toJson(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's metrics of {@code split}, or {@code null}. */
    static Metrics metrics(Evaluation evaluation, String split) {
        return switch (split) {
            case "test" -> evaluation.test();
            case "validation" -> evaluation.validation();
            default -> evaluation.training();
        };
    }
}
