package io.anomalyscore.training;

import java.nio.file.Path;

/**
 * Where a training run writes its {@code report.html}.
 *
 * @param inArtifact whether the artifact carries it as its {@code report.html} component ({@code
 *     --no-report} turns this off)
 * @param copy a local file that also receives it ({@code --report PATH}), or {@code null}
 */
public record ReportSettings(boolean inArtifact, Path copy) {

    /** The default: in the artifact, nowhere else. */
    public static final ReportSettings DEFAULT = new ReportSettings(true, null);

    /** No report at all. */
    public static final ReportSettings NONE = new ReportSettings(false, null);

    /** Whether the run renders a report at all. */
    public boolean wanted() {
        return inArtifact || copy != null;
    }
}
