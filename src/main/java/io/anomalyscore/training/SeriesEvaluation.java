package io.anomalyscore.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.anomalyscore.evaluation.NabFileScore;
import io.anomalyscore.evaluation.NabProfile;
import io.anomalyscore.evaluation.NabScorer;
import io.anomalyscore.evaluation.PointMetrics;
import io.anomalyscore.model.SeriesAlerts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark metrics of a labelled series model at its threshold, stored as the artifact's
 * {@code evaluation.json} report component and printed, the detections following the model's
 * alert rule over the whole series: on the test segment, SKAB's F1 / FAR /
 * MAR (point-wise, no point adjustment); on the whole series, the NAB score per profile (NAB
 * leaves its probationary rows unscored; steps without a full window count as no detection),
 * normalised for this one file between the null and the perfect detector.
 */
final class SeriesEvaluation {

    /** The report's file name in the artifact. */
    static final String FILE = "evaluation.json";

    private SeriesEvaluation() {}

    /** The report, or {@code null} without labels. */
    static Map<String, Object> of(double[] windowScores, int window, SeriesSplit split, int[] labels,
            double threshold, String alert) {
        if (labels == null) {
            return null;
        }
        boolean[] detected = new boolean[labels.length];
        boolean[] flags = SeriesAlerts.flags(windowScores, threshold, alert, window);
        System.arraycopy(flags, 0, detected, window - 1, flags.length);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threshold", threshold);
        report.put("alert", alert);
        if (split.testRows() > 0) {
            PointMetrics test = PointMetrics.of(Arrays.copyOfRange(labels, split.validationEnd(), labels.length),
                    Arrays.copyOfRange(detected, split.validationEnd(), detected.length));
            report.put("testSkab", Map.of("rows", split.testRows(), "f1", test.f1(), "farPercent",
                    test.falseAlarmRate(), "marPercent", test.missingAlarmRate()));
        }
        Map<String, Double> nab = new LinkedHashMap<>();
        for (NabProfile profile : NabProfile.all()) {
            NabFileScore file = NabScorer.scoreFile(labels, detected, profile);
            nab.put(profile.name(), file.windows() == 0 ? null : NabScorer.normalised(List.of(file)));
        }
        report.put("seriesNab", nab);
        return report;
    }

    /** One line for the training output. */
    @SuppressWarnings("unchecked")
    static String line(Map<String, Object> report) {
        StringBuilder b = new StringBuilder("series metrics at the threshold:");
        Map<String, Object> skab = (Map<String, Object>) report.get("testSkab");
        if (skab != null) {
            b.append(String.format(Locale.ROOT, " test F1 %.4f, FAR %.2f %%, MAR %.2f %% (SKAB's definitions);",
                    skab.get("f1"), skab.get("farPercent"), skab.get("marPercent")));
        }
        Map<String, Double> nab = (Map<String, Double>) report.get("seriesNab");
        b.append(" NAB score of the whole series");
        nab.forEach((profile, score) -> b.append(' ').append(profile).append(' ')
                .append(score == null ? "-" : String.format(Locale.ROOT, "%.2f", score)));
        return b.toString();
    }

    static byte[] json(Map<String, Object> report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
