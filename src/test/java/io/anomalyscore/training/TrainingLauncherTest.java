package io.anomalyscore.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training jar's entry point: DJL offline unless the caller chose, and a help that names both commands. */
class TrainingLauncherTest {

    private static final String OFFLINE = "ai.djl.offline";
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(OFFLINE);
        System.clearProperty(OFFLINE);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(OFFLINE);
        } else {
            System.setProperty(OFFLINE, saved);
        }
    }

    @Test
    void offlineByDefault() {
        TrainingLauncher.defaultSystemProperties(Map.<String, String>of()::get);
        assertThat(System.getProperty(OFFLINE)).isEqualTo("true");
    }

    @Test
    void anExplicitChoiceWins() {
        System.setProperty(OFFLINE, "false");
        TrainingLauncher.defaultSystemProperties(Map.<String, String>of()::get);
        assertThat(System.getProperty(OFFLINE)).isEqualTo("false");

        System.clearProperty(OFFLINE);
        TrainingLauncher.defaultSystemProperties(Map.of("DJL_OFFLINE", "false")::get);
        assertThat(System.getProperty(OFFLINE)).as("DJL reads DJL_OFFLINE itself").isNull();
    }

    @Test
    void helpShowsTheTrainingOptionsThenTheModelsCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TrainingLauncher.help(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).contains("--data=CSV", "Exit codes:");
        assertThat(text.indexOf("models --repository REPO")).isGreaterThan(text.indexOf("--data=CSV"));
    }
}
