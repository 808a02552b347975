package io.anomalyscore.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.anomalyscore.model.ArtifactManifest;
import io.anomalyscore.model.Metrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A report.html read back for tests: parsed by jsoup's HTML5 parser with error tracking, its
 * charts decoded as images, its numbers by {@code data-metric}.
 */
public final class ReportContents {

    private final Document page;
    private final int parseErrors;

    private ReportContents(Document page, int parseErrors) {
        this.page = page;
        this.parseErrors = parseErrors;
    }

    /** Parses {@code html}, counting the HTML5 parse errors. */
    public static ReportContents parse(byte[] html) {
        Parser parser = Parser.htmlParser().setTrackErrors(100);
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), "", parser);
        return new ReportContents(page, parser.getErrors().size());
    }

    public static ReportContents read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Document page() {
        return page;
    }

    public int parseErrors() {
        return parseErrors;
    }

    /** Every figure's image by its figure id, decoded from its data URI (fails on anything else). */
    public Map<String, BufferedImage> charts() {
        Map<String, BufferedImage> charts = new LinkedHashMap<>();
        for (Element img : page.select("img")) {
            String src = img.attr("src");
            assertThat(src).as("img src").startsWith("data:image/png;base64,");
            byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
            assertThat(png.length).as("PNG bytes of %s", img.parent().id()).isGreaterThan(5_000);
            try {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(image).as("decoded %s", img.parent().id()).isNotNull();
                charts.put(img.parent().id(), image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return charts;
    }

    /** The exact value of the cell {@code data-metric=metric}; fails when absent. */
    public double value(String metric) {
        Element cell = page.selectFirst("[data-metric=" + metric + "]");
        assertThat(cell).as("cell %s", metric).isNotNull();
        return Double.parseDouble(cell.attr("data-value"));
    }

    private void same(String metric, Double expected) {
        if (expected == null) {
            Element cell = page.selectFirst("[data-metric=" + metric + "]");
            assertThat(cell == null || !cell.hasAttr("data-value")).as("%s shows no value", metric).isTrue();
        } else {
            assertThat(value(metric)).as(metric).isEqualTo(expected);
        }
    }

    /** Checks every number the page shows from the manifest against it. */
    public void assertNumbersEqual(ArtifactManifest m) {
        assertThat(value("threshold")).isEqualTo(m.threshold());
        assertThat(value("rows")).isEqualTo(m.provenance().rows());
        assertThat(value("trainingRows")).isEqualTo(m.provenance().trainingRows());
        assertThat(value("fittedRows")).isEqualTo(m.provenance().fittedRows());
        assertThat(value("validationRows")).isEqualTo(m.provenance().validationRows());
        assertThat(value("testRows")).isEqualTo(m.provenance().testRows());
        if (m.evaluation() == null) {
            assertThat(page.select("[data-metric^=test.], #curves, #confusion")).isEmpty();
            return;
        }
        for (String split : new String[] {"training", "validation", "test"}) {
            Metrics s = ReportPage.metrics(m.evaluation(), split);
            if (s == null) {
                assertThat(page.select("[data-metric^=" + split + ".]")).isEmpty();
                continue;
            }
            assertThat(value(split + ".rows")).isEqualTo(s.rows());
            assertThat(value(split + ".anomalies")).isEqualTo(s.anomalies());
            same(split + ".rocAuc", s.rocAuc());
            same(split + ".averagePrecision", s.averagePrecision());
            assertThat(value(split + ".precision")).isEqualTo(s.precision());
            assertThat(value(split + ".recall")).isEqualTo(s.recall());
            assertThat(value(split + ".f1")).isEqualTo(s.f1());
        }
        Metrics h = m.evaluation().headline();
        same("curves.rocAuc", h.rocAuc());
        same("curves.averagePrecision", h.averagePrecision());
        assertThat(value("confusion.truePositives")).isEqualTo(h.truePositives());
        assertThat(value("confusion.falsePositives")).isEqualTo(h.falsePositives());
        assertThat(value("confusion.trueNegatives")).isEqualTo(h.trueNegatives());
        assertThat(value("confusion.falseNegatives")).isEqualTo(h.falseNegatives());
    }

    /** The page is self-contained and readable without script: no script, no external resource. */
    public void assertSelfContained() {
        assertThat(page.select("script, link, iframe, object, embed")).isEmpty();
        assertThat(page.select("[src]")).allSatisfy(e -> assertThat(e.attr("src")).startsWith("data:"));
        assertThat(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().startsWith("on"))).isEmpty();
    }
}
