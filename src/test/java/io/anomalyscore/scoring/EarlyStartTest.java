package io.anomalyscore.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.S3Settings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The early load (without Quarkus): start-up takes it only with the settings it was made with, only
 * once, and an early failure is the same {@link ModelLoadException} naming the URI.
 */
class EarlyStartTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    @AfterEach
    void nothingLeft() {
        EarlyStart.take("", 0, ModelLoader.DEFAULT_LOAD_DEADLINE); // closes a load a test left
    }

    @Test
    void startUpTakesTheEarlyLoadOfTheSameModelOnce() throws Exception {
        String version = Files.readString(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST))
                .replaceAll("(?s).*\"version\" : \"([0-9a-f]+)\".*", "$1");
        EarlyStart.startEarly(config(Map.of()));
        ModelLoader.Pending early = EarlyStart.take(ServingConfig.Model.DEFAULT_URI,
                Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES), ModelLoader.DEFAULT_LOAD_DEADLINE);
        assertThat(early).as("the default model starts early").isNotNull();
        try (AnomalyModel model = new ModelLoader(S3Settings.defaults(), ModelArtifact.DEFAULT_MAX_BYTES).await(early)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
        assertThat(EarlyStart.take(ServingConfig.Model.DEFAULT_URI, Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES),
                ModelLoader.DEFAULT_LOAD_DEADLINE)).as("taken once").isNull();
    }

    @Test
    void otherSettingsAtStartUpDiscardTheEarlyLoad() {
        EarlyStart.startEarly(config(Map.of()));
        assertThat(EarlyStart.take(ServingConfig.Model.DEFAULT_URI, 1024, ModelLoader.DEFAULT_LOAD_DEADLINE))
                .as("another size limit").isNull();
        EarlyStart.startEarly(config(Map.of()));
        assertThat(EarlyStart.take("classpath:other-model", Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES),
                ModelLoader.DEFAULT_LOAD_DEADLINE)).as("another URI").isNull();
    }

    @Test
    void switchedOffOrS3StartsNoModelLoad() {
        EarlyStart.startEarly(config(Map.of("anomaly.engine.early-start", "false")));
        assertThat(EarlyStart.take(ServingConfig.Model.DEFAULT_URI, Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES),
                ModelLoader.DEFAULT_LOAD_DEADLINE)).isNull();
        EarlyStart.startEarly(config(Map.of("anomaly.model.uri", "s3://models/cardio")));
        assertThat(EarlyStart.take("s3://models/cardio", Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES),
                ModelLoader.DEFAULT_LOAD_DEADLINE)).as("S3 settings belong to the runtime configuration").isNull();
    }

    @Test
    void anEarlyFailureFailsStartUpNamingTheUri() {
        EarlyStart.startEarly(config(Map.of("anomaly.model.uri", "classpath:no-such-model")));
        ModelLoader.Pending early = EarlyStart.take("classpath:no-such-model",
                Long.parseLong(ServingConfig.DEFAULT_MAX_ARTIFACT_BYTES), ModelLoader.DEFAULT_LOAD_DEADLINE);
        assertThat(early).isNotNull();
        assertThatThrownBy(() -> new ModelLoader(S3Settings.defaults(), ModelArtifact.DEFAULT_MAX_BYTES).await(early))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("classpath:no-such-model")
                .hasMessageContaining("does not exist");
    }
}
