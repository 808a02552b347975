package io.anomalyscore.report;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Evaluation;
import io.anomalyscore.model.Metrics;
import java.util.Arrays;

/**
 * The threshold and what it does: metrics per split, the score histogram, the ROC and
 * precision-recall curves and the confusion matrix; every number from the manifest.
 */
final class MetricsSection {

    private MetricsSection() {}

    static void append(Html html, ArtifactManifest manifest, ReportFigures figures) {
        Evaluation evaluation = manifest.evaluation();
        html.section("threshold", "Threshold and metrics");
        html.raw("<table>\n<tr><th scope=\"row\">threshold (score &gt;= threshold is anomalous)</th>")
                .number("threshold", manifest.threshold(), "%.6g").raw("</tr>\n<tr><th scope=\"row\">chosen by</th>")
                .raw("<td>").text(manifest.calibration().method()).raw("</td></tr>\n</table>\n");
        if (evaluation == null) {
            html.paragraph("No labels: no metrics, curves or confusion matrix; the threshold is the training-score"
                    + " quantile the contamination sets.");
        } else {
            splitTable(html, evaluation);
        }
        html.endSection();
        histogram(html, manifest, figures);
        if (evaluation != null) {
            Metrics headline = ReportPage.metrics(evaluation, figures.scoredSplit());
            curves(html, figures, headline);
            confusion(html, figures.scoredSplit(), headline);
        }
    }

    private static void splitTable(Html html, Evaluation e) {
        html.raw("<table>\n<thead><tr><th scope=\"col\">split</th><th scope=\"col\">rows</th>"
                + "<th scope=\"col\">anomalies</th><th scope=\"col\">ROC-AUC</th><th scope=\"col\">PR-AUC</th>"
                + "<th scope=\"col\">precision</th><th scope=\"col\">recall</th><th scope=\"col\">F1</th>"
                + "<th scope=\"col\">accuracy</th></tr></thead>\n");
        for (String split : new String[] {"training", "validation", "test"}) {
            Metrics m = ReportPage.metrics(e, split);
            if (m == null) {
                continue;
            }
            html.raw("<tr><th scope=\"row\">").text(split + (split.equals("test") ? " (chose nothing)" : ""))
                    .raw("</th>").count(split + ".rows", m.rows()).count(split + ".anomalies", m.anomalies())
                    .number(split + ".rocAuc", m.rocAuc(), "%.4f")
                    .number(split + ".averagePrecision", m.averagePrecision(), "%.4f")
                    .number(split + ".precision", m.precision(), "%.4f").number(split + ".recall", m.recall(), "%.4f")
                    .number(split + ".f1", m.f1(), "%.4f").number(split + ".accuracy", m.accuracy(), "%.4f")
                    .raw("</tr>\n");
        }
        html.raw("</table>\n");
    }

    private static void histogram(Html html, ArtifactManifest manifest, ReportFigures figures) {
        html.section("scores", "Score distribution");
        double[] scores = figures.scores();
        boolean positive = scores.length > 0 && Arrays.stream(scores).allMatch(s -> s > 0) && manifest.threshold() > 0;
        boolean log = positive && Arrays.stream(scores).max().getAsDouble()
                > 100 * Arrays.stream(scores).min().getAsDouble();
        String who = figures.labels() == null ? "all " + scores.length + " " + figures.scoredSplit() + " rows"
                : "the " + scores.length + " " + figures.scoredSplit() + " rows, normal and anomalous apart";
        html.figure("chart-histogram", ReportCharts.histogram(scores, figures.labels(), manifest.threshold(), log),
                "score histogram", "Scores of " + who + ", each bar a share of its class"
                        + (log ? ", on a log10 axis (the scores span over two decades)" : "")
                        + "; red: the threshold.");
        html.endSection();
    }

    private static void curves(Html html, ReportFigures figures, Metrics headline) {
        html.section("curves", "ROC and precision-recall curves");
        Curves curves = figures.labels() == null ? null : Curves.of(figures.scores(), figures.labels());
        if (curves == null || headline.rocAuc() == null) {
            html.paragraph("The " + figures.scoredSplit() + " split holds one class only: no curves.");
        } else {
            html.raw("<table>\n<tr><th scope=\"row\">ROC-AUC (" + figures.scoredSplit() + ")</th>")
                    .number("curves.rocAuc", headline.rocAuc(), "%.4f")
                    .raw("</tr>\n<tr><th scope=\"row\">PR-AUC, average precision (" + figures.scoredSplit() + ")</th>")
                    .number("curves.averagePrecision", headline.averagePrecision(), "%.4f").raw("</tr>\n</table>\n");
            html.figure("chart-roc", ReportCharts.roc(curves, headline.rocAuc()), "ROC curve",
                    "ROC curve of the " + figures.scoredSplit() + " split; dashed: chance.");
            double prevalence = headline.anomalies() / (double) headline.rows();
            html.figure("chart-pr", ReportCharts.precisionRecall(curves, headline.averagePrecision(), prevalence),
                    "precision-recall curve", "Precision-recall curve of the " + figures.scoredSplit()
                            + " split; dashed: the anomaly share, what guessing achieves.");
        }
        html.endSection();
    }

    private static void confusion(Html html, String split, Metrics m) {
        html.section("confusion", "Confusion matrix at the threshold");
        html.paragraph("The " + m.rows() + " " + split + " rows.");
        html.raw("<table class=\"confusion\">\n<thead><tr><th></th><th scope=\"col\">flagged anomalous</th>"
                + "<th scope=\"col\">passed as normal</th></tr></thead>\n");
        html.raw("<tr><th scope=\"row\">labelled anomalous</th>").count("confusion.truePositives", m.truePositives())
                .count("confusion.falseNegatives", m.falseNegatives()).raw("</tr>\n");
        html.raw("<tr><th scope=\"row\">labelled normal</th>").count("confusion.falsePositives", m.falsePositives())
                .count("confusion.trueNegatives", m.trueNegatives()).raw("</tr>\n</table>\n");
        html.endSection();
    }
}
