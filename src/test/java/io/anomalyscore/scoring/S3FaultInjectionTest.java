package io.anomalyscore.scoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.anomalyscore.model.ModelArtifact;
import io.anomalyscore.storage.S3Settings;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3 faults at start-up, injected by WireMock standing in for S3 (path-style): bounded retries,
 * counted in WireMock's request journal (exactly {@code max-attempts} attempts, no more), then a
 * {@link ModelLoadException} naming the URI and the reason. Nothing here measures time: each
 * timeout shows in how many requests were made and in the reason given.
 */
class S3FaultInjectionTest {

    private static final int MAX_ATTEMPTS = 3;
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(700);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    private static final String URI = "s3://models/cardio";
    private static final String LATEST = "/models/cardio/LATEST";
    private static final String MANIFEST = "/models/cardio/" + ModelArtifact.MANIFEST;
    private static final String NO_SUCH_KEY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
            + "<Message>The specified key does not exist.</Message></Error>";

    private static WireMockServer s3;
    private static ModelLoader loader;

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        s3 = new WireMockServer(options().dynamicPort());
        s3.start();
        loader = new ModelLoader(new S3Settings(Optional.of(s3.baseUrl()), Optional.of("us-east-1"), true,
                MAX_ATTEMPTS, ATTEMPT_TIMEOUT, CALL_TIMEOUT), ModelArtifact.DEFAULT_MAX_BYTES);
    }

    @AfterAll
    static void stop() {
        s3.stop();
    }

    @BeforeEach
    void reset() {
        s3.resetAll();
    }

    /** Loads, expecting failure with a message naming the URI and {@code reason}. */
    private static void failsWith(String... reason) {
        assertThatThrownBy(() -> loader.load(URI))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot load the model from " + URI + ": ")
                .hasMessageContainingAll(reason);
    }

    private static void everything(ResponseDefinitionBuilder response) {
        s3.stubFor(any(anyUrl()).willReturn(response));
    }

    @Test
    void internalErrorsAreRetriedThenFail() {
        everything(aResponse().withStatus(500).withBody("<Error><Code>InternalError</Code></Error>"));
        failsWith("cannot read " + URI + "/LATEST", "500");
        s3.verify(exactly(MAX_ATTEMPTS), getRequestedFor(urlPathEqualTo(LATEST)));
        s3.verify(exactly(MAX_ATTEMPTS), anyRequestedFor(anyUrl()));
    }

    @Test
    void unavailableIsRetriedThenFails() {
        everything(aResponse().withStatus(503).withBody("<Error><Code>SlowDown</Code></Error>"));
        failsWith("cannot read " + URI + "/LATEST", "503");
        s3.verify(exactly(MAX_ATTEMPTS), getRequestedFor(urlPathEqualTo(LATEST)));
        s3.verify(exactly(MAX_ATTEMPTS), anyRequestedFor(anyUrl()));
    }

    /**
     * Each attempt is cut at the attempt timeout (0.7 s) and retried: all {@code max-attempts} are
     * made. Were attempts not cut, the 3 s delays would exhaust the 8 s call budget first and the
     * reason would be the call timeout, after fewer attempts.
     */
    @Test
    void slowResponsesTimeOutPerAttempt() {
        everything(aResponse().withStatus(200).withBody("0123456789abcdef").withFixedDelay(3_000));
        failsWith("cannot read " + URI + "/LATEST", "did not complete before the specified timeout configuration: "
                + ATTEMPT_TIMEOUT.toMillis() + " millis");
        s3.verify(exactly(MAX_ATTEMPTS), getRequestedFor(urlPathEqualTo(LATEST)));
        s3.verify(exactly(MAX_ATTEMPTS), anyRequestedFor(anyUrl()));
    }

    /**
     * The JDK's HttpURLConnection (under the SDK's url-connection client) silently re-sends a GET
     * once when the connection dies before a response, so each SDK attempt costs two requests on
     * the wire: still bounded, at {@code 2 * max-attempts}.
     */
    static final int WIRE_REQUESTS_PER_ATTEMPT_ON_RESET = 2;

    @Test
    void connectionResetsAreRetriedThenFail() {
        everything(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        failsWith("cannot read " + URI + "/LATEST");
        s3.verify(exactly(MAX_ATTEMPTS * WIRE_REQUESTS_PER_ATTEMPT_ON_RESET), anyRequestedFor(anyUrl()));
    }

    @Test
    void missingObjectIsNotRetried() {
        everything(aResponse().withStatus(404).withHeader("Content-Type", "application/xml").withBody(NO_SUCH_KEY));
        failsWith(URI + "/LATEST does not exist");
        // one GET of LATEST, one HEAD of the manifest (a folder without LATEST may be an artifact itself)
        s3.verify(exactly(1), getRequestedFor(urlPathEqualTo(LATEST)));
        s3.verify(exactly(1), headRequestedFor(urlPathEqualTo(MANIFEST)));
        s3.verify(exactly(2), anyRequestedFor(anyUrl()));
    }

    /**
     * A pinned version URI under a policy with only {@code s3:GetObject}: real S3 answers the
     * missing {@code <version>/LATEST} with 403 AccessDenied (no ListBucket), not 404. The loader
     * must then take the folder as the version itself and load it.
     */
    @Test
    void pinnedVersionLoadsWhenS3AnswersTheMissingLatestWith403() throws Exception {
        String version = ModelArtifact.read(CardioRows.DEFAULT_MODEL, 1L << 28).manifest().version();
        String folder = "/models/cardio/" + version + "/";
        String denied = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Access Denied</Message></Error>";
        s3.stubFor(get(urlPathEqualTo(folder + "LATEST")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody(denied)));
        for (String file : ModelArtifact.listedFiles(
                Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)))) {
            byte[] bytes = Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(file));
            s3.stubFor(head(urlPathEqualTo(folder + file)).willReturn(aResponse()
                    .withHeader("Content-Length", Integer.toString(bytes.length))));
            s3.stubFor(get(urlPathEqualTo(folder + file)).willReturn(aResponse().withBody(bytes)));
        }
        try (var model = loader.load(URI + "/" + version)) {
            assertThat(model.manifest().version()).isEqualTo(version);
        }
        s3.verify(exactly(1), getRequestedFor(urlPathEqualTo(folder + "LATEST")));
    }

    @Test
    void latestDeniedAndNoManifestExplainsThe403() {
        String denied = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Access Denied</Message></Error>";
        everything(aResponse().withStatus(403).withHeader("Content-Type", "application/xml").withBody(denied));
        failsWith("403 AccessDenied", "missing key when the caller may not list the bucket");
    }

    @Test
    void weightsFailingAfterTheManifestIsRetriedThenFails() throws Exception {
        String version = io.anomalyscore.model.ModelArtifact.read(CardioRows.DEFAULT_MODEL, 1L << 28).manifest().version();
        s3.stubFor(get(urlPathEqualTo(LATEST)).willReturn(aResponse().withBody(version + "\n")));
        s3.stubFor(get(urlPathEqualTo("/models/cardio/" + version + "/" + ModelArtifact.MANIFEST)).willReturn(
                aResponse().withBody(Files.readAllBytes(CardioRows.DEFAULT_MODEL.resolve(ModelArtifact.MANIFEST)))));
        String weights = "/models/cardio/" + version + "/" + ModelArtifact.WEIGHTS;
        s3.stubFor(get(urlPathEqualTo(weights)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        failsWith("cannot read " + URI + "/" + version + "/" + ModelArtifact.WEIGHTS);
        s3.verify(exactly(1), getRequestedFor(urlPathEqualTo(LATEST)));
        s3.verify(exactly(1),
                getRequestedFor(urlPathEqualTo("/models/cardio/" + version + "/" + ModelArtifact.MANIFEST)));
        s3.verify(exactly(MAX_ATTEMPTS * WIRE_REQUESTS_PER_ATTEMPT_ON_RESET), getRequestedFor(urlPathEqualTo(weights)));
    }

    /**
     * The call timeout (1.5 s) ends the call within its first attempt: that attempt's own limit
     * (5 s) is above the 4 s delay, so without the call timeout the response would arrive and the
     * load go on to the manifest; with 10 attempts allowed, exactly one is made.
     */
    @Test
    void callTimeoutBoundsTheWholeCall() {
        ModelLoader tight = new ModelLoader(new S3Settings(Optional.of(s3.baseUrl()), Optional.of("us-east-1"), true,
                10, Duration.ofSeconds(5), Duration.ofMillis(1_500)), ModelArtifact.DEFAULT_MAX_BYTES);
        everything(aResponse().withStatus(200).withBody("x").withFixedDelay(4_000));
        assertThatThrownBy(() -> tight.load(URI))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot load the model from " + URI + ": cannot read " + URI + "/LATEST")
                .hasMessageContaining("1500 millis");
        s3.verify(exactly(1), anyRequestedFor(anyUrl()));
    }
}
