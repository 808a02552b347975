package io.anomalyscore.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the report's charts with JFreeChart into PNG bytes, headless: no window system is needed
 * (and none is touched) on a build server or in a container.
 */
final class ReportCharts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 880;
    static final int HEIGHT = 380;
    private static final Color THRESHOLD = new Color(0xC0392B);
    private static final Color NORMAL = new Color(0x2E86C1);
    private static final Color ANOMALOUS = new Color(0xE67E22);

    private ReportCharts() {}

    /** Training and validation loss per epoch, the kept epoch marked. */
    static byte[] losses(List<EpochLoss> losses, int bestEpoch) {
        XYSeries training = new XYSeries("training loss");
        XYSeries validation = new XYSeries("validation loss");
        for (EpochLoss l : losses) {
            training.add(l.epoch(), l.training());
            if (!Double.isNaN(l.validation())) {
                validation.add(l.epoch(), l.validation());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(training);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", data, PlotOrientation.VERTICAL,
                true, false, false);
        if (bestEpoch > 0) {
            chart.getXYPlot().addDomainMarker(marker(bestEpoch, "kept epoch " + bestEpoch, Color.DARK_GRAY));
        }
        return png(chart);
    }

    /**
     * Histogram of the scores, normal and anomalous rows apart (each as a share of its class), the
     * threshold marked; on a log10 axis when the scores are positive and span over two decades.
     */
    static byte[] histogram(double[] scores, int[] labels, double threshold, boolean log) {
        double[] x = log ? log10(scores) : scores;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (max <= min) {
            max = min + 1;
        }
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.RELATIVE_FREQUENCY);
        if (labels == null) {
            data.addSeries("all rows", x, 50, min, max);
        } else {
            addClass(data, "normal", x, labels, 0, min, max);
            addClass(data, "anomalous", x, labels, 1, min, max);
        }
        JFreeChart chart = ChartFactory.createHistogram(null, log ? "score (log10)" : "score",
                "share of the class's rows", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setForegroundAlpha(0.6f);
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, NORMAL);
        renderer.setSeriesPaint(1, ANOMALOUS);
        plot.addDomainMarker(marker(log ? Math.log10(threshold) : threshold, "threshold", THRESHOLD));
        return png(chart);
    }

    private static void addClass(HistogramDataset data, String name, double[] x, int[] labels, int label,
            double min, double max) {
        double[] values = java.util.stream.IntStream.range(0, x.length).filter(i -> labels[i] == label)
                .mapToDouble(i -> x[i]).toArray();
        if (values.length > 0) {
            data.addSeries(name + " (" + values.length + ")", values, 50, min, max);
        }
    }

    /** The ROC curve with the chance diagonal. */
    static byte[] roc(Curves curves, double auc) {
        XYSeries roc = new XYSeries(String.format(java.util.Locale.ROOT, "ROC (AUC %.4f)", auc), false);
        for (int i = 0; i < curves.falsePositiveRate().length; i++) {
            roc.add(curves.falsePositiveRate()[i], curves.truePositiveRate()[i]);
        }
        XYSeries chance = new XYSeries("chance", false);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection(roc);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "false positive rate", "true positive rate (recall)",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().getRenderer().setSeriesStroke(1, dashed());
        chart.getXYPlot().getRenderer().setSeriesPaint(1, Color.GRAY);
        return png(chart);
    }

    /** The precision-recall curve with the no-skill line at the anomaly share. */
    static byte[] precisionRecall(Curves curves, double averagePrecision, double prevalence) {
        XYSeries pr = new XYSeries(String.format(java.util.Locale.ROOT, "precision-recall (AUC %.4f)",
                averagePrecision), false);
        for (int i = 0; i < curves.truePositiveRate().length; i++) {
            pr.add(curves.truePositiveRate()[i], curves.precision()[i]);
        }
        XYSeries chance = new XYSeries("no skill (anomaly share)", false);
        chance.add(0, prevalence);
        chance.add(1, prevalence);
        XYSeriesCollection data = new XYSeriesCollection(pr);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "recall", "precision", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().getRenderer().setSeriesStroke(1, dashed());
        chart.getXYPlot().getRenderer().setSeriesPaint(1, Color.GRAY);
        return png(chart);
    }

    /** The largest contributions as horizontal bars. */
    static byte[] contributions(List<FeatureShare> shares) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FeatureShare s : shares) {
            data.addValue(s.share(), "share", s.feature());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "feature", "share of the scores", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        return png(chart, WIDTH, Math.max(200, 60 + 26 * shares.size()));
    }

    /** Score per step, labelled anomalies shaded, segment starts and the threshold marked. */
    static byte[] series(SeriesTrace trace, double threshold) {
        XYSeries scores = new XYSeries("score", false);
        for (int i = 0; i < trace.scores().length; i++) {
            scores.add(trace.firstStep() + i, trace.scores()[i]);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "step", "score", new XYSeriesCollection(scores),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(1f));
        int[] labels = trace.labels();
        for (int i = 0; labels != null && i < labels.length; i++) {
            if (labels[i] == 1) {
                int j = i;
                while (j + 1 < labels.length && labels[j + 1] == 1) {
                    j++;
                }
                IntervalMarker labelled = new IntervalMarker(i, j + 1, new Color(255, 165, 0, 90));
                plot.addDomainMarker(labelled, org.jfree.chart.ui.Layer.BACKGROUND);
                i = j;
            }
        }
        if (trace.validationEnd() > trace.trainEnd()) {
            plot.addDomainMarker(marker(trace.trainEnd(), "validation", Color.DARK_GRAY));
        }
        if (trace.scores().length + trace.firstStep() > trace.validationEnd()) {
            plot.addDomainMarker(marker(trace.validationEnd(), "test", Color.DARK_GRAY));
        }
        ValueMarker line = marker(threshold, "threshold", THRESHOLD);
        line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        line.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(line);
        return png(chart);
    }

    private static ValueMarker marker(double at, String label, Color color) {
        ValueMarker marker = new ValueMarker(at, color, new BasicStroke(2f));
        marker.setLabel(label);
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static double[] log10(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log10(values[i]);
        }
        return out;
    }

    private static byte[] png(JFreeChart chart) {
        return png(chart, WIDTH, HEIGHT);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xFAFAFA));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
