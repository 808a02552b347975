package io.anomalyscore.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The S3 settings' defaults and their overrides from {@code ANOMALY_S3_*} environment variables. */
class S3SettingsTest {

    private static S3Settings from(Map<String, String> env) {
        return S3Settings.fromEnvironment(env::get);
    }

    @Test
    void anEmptyEnvironmentGivesTheDefaults() {
        assertThat(from(Map.of())).isEqualTo(S3Settings.defaults());
        assertThat(from(Map.of("ANOMALY_S3_ENDPOINT", " ", "ANOMALY_S3_REGION", ""))).isEqualTo(S3Settings.defaults());
        assertThat(S3Settings.defaults()).isEqualTo(new S3Settings(Optional.empty(), Optional.empty(), false, 3,
                Duration.ofSeconds(10), Duration.ofSeconds(30)));
    }

    @Test
    void everySettingHasItsVariable() {
        S3Settings s = from(Map.of("ANOMALY_S3_ENDPOINT", "http://127.0.0.1:9090", "ANOMALY_S3_REGION", "eu-west-1",
                "ANOMALY_S3_PATH_STYLE", "TRUE", "ANOMALY_S3_MAX_ATTEMPTS", "5",
                "ANOMALY_S3_ATTEMPT_TIMEOUT", "1500ms", "ANOMALY_S3_CALL_TIMEOUT", "2M"));
        assertThat(s).isEqualTo(new S3Settings(Optional.of("http://127.0.0.1:9090"), Optional.of("eu-west-1"), true, 5,
                Duration.ofMillis(1_500), Duration.ofMinutes(2)));
    }

    @Test
    void durationsTakeTheConfigurationForms() {
        for (Map.Entry<String, Duration> form : Map.of("10S", Duration.ofSeconds(10), "PT10S", Duration.ofSeconds(10),
                "7", Duration.ofSeconds(7), "250MS", Duration.ofMillis(250), "1h", Duration.ofHours(1)).entrySet()) {
            assertThat(from(Map.of("ANOMALY_S3_CALL_TIMEOUT", form.getKey())).callTimeout())
                    .as(form.getKey()).isEqualTo(form.getValue());
        }
    }

    @Test
    void malformedValuesNameTheirVariable() {
        assertThatThrownBy(() -> from(Map.of("ANOMALY_S3_PATH_STYLE", "yes")))
                .hasMessage("ANOMALY_S3_PATH_STYLE is 'yes', expected true or false");
        assertThatThrownBy(() -> from(Map.of("ANOMALY_S3_MAX_ATTEMPTS", "three")))
                .hasMessage("ANOMALY_S3_MAX_ATTEMPTS is 'three', expected an integer");
        assertThatThrownBy(() -> from(Map.of("ANOMALY_S3_ATTEMPT_TIMEOUT", "soon")))
                .hasMessageStartingWith("ANOMALY_S3_ATTEMPT_TIMEOUT is 'soon', expected a duration");
        assertThatThrownBy(() -> from(Map.of("ANOMALY_S3_MAX_ATTEMPTS", "0")))
                .hasMessageContaining("max-attempts must be at least 1");
        assertThatThrownBy(() -> from(Map.of("ANOMALY_S3_CALL_TIMEOUT", "0")))
                .hasMessageContaining("must be positive");
    }

    @Test
    void servingKeysOverrideTheSameDefaults() {
        S3Settings s = S3Settings.overriding(Optional.of(""), Optional.empty(), Optional.empty(), Optional.of(2),
                Optional.empty(), Optional.of(Duration.ofSeconds(5)));
        S3Settings d = S3Settings.defaults();
        assertThat(s).isEqualTo(new S3Settings(Optional.empty(), Optional.empty(), d.pathStyle(), 2,
                d.attemptTimeout(), Duration.ofSeconds(5)));
    }
}
