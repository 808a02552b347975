package io.anomalyscore.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each detector's space, the detectors that have none, and the budget's parsing. */
class SearchSpacesTest {

    @Test
    void theSpacesHoldTheDefaultsAndVaryDepth() {
        assertThat(SearchSpaces.of("autoencoder", false, 21, 200, 0).hidden())
                .contains(List.of(64, 32, 64), List.of(32), List.of(128, 64, 32, 64, 128));
        assertThat(SearchSpaces.of("autoencoder", false, 166, 200, 0).hidden()).contains(List.of(128, 64, 128));
        assertThat(SearchSpaces.of("classifier", false, 21, 200, 0).hidden())
                .contains(List.of(100, 50), List.of(32), List.of(256, 128, 64));
        assertThat(SearchSpaces.of("autoencoder", false, 21, 200, 0).epochs()).containsExactly(50, 100, 200);
        assertThat(SearchSpaces.of("autoencoder", false, 21, 2, 0).epochs()).containsExactly(1, 2);
        SearchSpace windows = SearchSpaces.of("conv-autoencoder", true, 1, 100, 40);
        assertThat(windows.windows()).containsExactly(16, 32);
        assertThat(windows.hidden()).contains(List.of(16, 8)).allSatisfy(h -> assertThat(h).hasSize(2));
    }

    @Test
    void theForestIsNotTunableAndSaysWhy() {
        assertThatThrownBy(() -> SearchSpaces.checkTunable("deep-isolation-forest", false))
                .hasMessageContaining("--tune does not apply to deep-isolation-forest")
                .hasMessageContaining("trains no network");
        assertThatThrownBy(() -> SearchSpaces.of("lstm-autoencoder", true, 1, 100, 10))
                .hasMessageContaining("too short");
    }

    @Test
    void theObjectiveIsDeclaredAndTheProxyIsUsedWithoutLabels() {
        assertThat(TuningObjective.of("pr-auc", true)).isEqualTo(TuningObjective.PR_AUC);
        assertThat(TuningObjective.of("ROC-AUC", true)).isEqualTo(TuningObjective.ROC_AUC);
        assertThat(TuningObjective.of("roc-auc", false)).isEqualTo(TuningObjective.VALIDATION_LOSS);
        assertThat(TuningObjective.VALIDATION_LOSS.declaration()).contains("proxy").contains("lower is better");
        assertThatThrownBy(() -> TuningObjective.of("f1", true)).hasMessageContaining("pr-auc or roc-auc");
    }

    @Test
    void budgets() {
        assertThat(new TuningBudget(null, null).trials()).isEqualTo(TuningBudget.DEFAULT_TRIALS);
        assertThat(TuningBudget.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TuningBudget.parseDuration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TuningBudget.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TuningBudget.parseDuration("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> TuningBudget.parseDuration("soon")).hasMessageContaining("90s, 15m");
        assertThatThrownBy(() -> new TuningBudget(0, null)).hasMessageContaining("--trials");
        assertThat(new TuningBudget(8, Duration.ofMinutes(5)).describe())
                .isEqualTo("8 trials or 5m, whichever comes first");
    }
}
