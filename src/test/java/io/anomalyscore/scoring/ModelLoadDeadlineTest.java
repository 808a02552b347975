package io.anomalyscore.scoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anomalyscore.model.AnomalyModel;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.S3Settings;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code anomaly.model.load-deadline} bounds the whole start-up load. WireMock stands in for a slow
 * S3 that answers every call correctly, each after {@link #DELAY_MS}: well within every S3 limit
 * (attempt 5 s, call 10 s, 3 attempts), so only the deadline can stop the load. Nothing measures
 * time: the control load succeeds with a generous deadline; with a short one the load fails with a
 * message naming the URI and the deadline, and the request journal shows the abandoned load never
 * went on to the weights.
 */
class ModelLoadDeadlineTest {

    private static final int DELAY_MS = 800;
    private static final String URI = "s3://models/cardio";

    private static WireMockServer s3;
    private static S3Settings settings;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        s3 = new WireMockServer(options().dynamicPort());
        s3.start();
        settings = new S3Settings(Optional.of(s3.baseUrl()), Optional.of("us-east-1"), true, 3,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        String version = ModelArtifact.read(CardioRows.DEFAULT_MODEL, 1L << 28).manifest().version();
        s3.stubFor(get(urlPathEqualTo("/models/cardio/LATEST"))
                .willReturn(aResponse().withBody(version + "\n").withFixedDelay(DELAY_MS)));
        String folder = "/models/cardio/" + version + "/";
        for (String file : ModelArtifact.listedFiles(
                Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)))) {
            byte[] bytes = Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(file));
            s3.stubFor(head(urlPathEqualTo(folder + file)).willReturn(aResponse()
                    .withHeader("Content-Length", Integer.toString(bytes.length)).withFixedDelay(DELAY_MS)));
            s3.stubFor(get(urlPathEqualTo(folder + file)).willReturn(aResponse().withBody(bytes)
                    .withFixedDelay(DELAY_MS)));
        }
    }

    @AfterAll
    static void stop() {
        s3.stop();
    }

    @Test
    void aSlowButAnsweringS3LoadsWithinAGenerousDeadline() {
        try (AnomalyModel model = new ModelLoader(settings, ModelArtifact.DEFAULT_MAX_BYTES, Duration.ofMinutes(2))
                .load(URI)) {
            assertThat(model.manifest().name()).isEqualTo("cardio");
        }
        assertThat(s3.getAllServeEvents()).as("LATEST, the manifest and the weights").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theDeadlineEndsTheLoadBeforeItsCallsWouldHave() throws InterruptedException {
        s3.resetRequests();
        ModelLoader tight = new ModelLoader(settings, ModelArtifact.DEFAULT_MAX_BYTES, Duration.ofMillis(1_200));
        assertThatThrownBy(() -> tight.load(URI))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("cannot load the model from " + URI
                        + ": not loaded within the load deadline of 1200 ms (anomaly.model.load-deadline)");
        // abandoned, not left running: given time for three more calls, it never asks for the weights
        Thread.sleep(3L * DELAY_MS);
        assertThat(s3.countRequestsMatching(getRequestedFor(urlPathMatching(".*/" + ModelArtifact.WEIGHTS)).build())
                .getCount()).isZero();
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> new ModelLoader(settings, ModelArtifact.DEFAULT_MAX_BYTES, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anomaly.model.load-deadline");
    }
}
