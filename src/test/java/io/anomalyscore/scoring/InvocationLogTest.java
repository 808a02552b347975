package io.anomalyscore.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In tests (as in dev mode) every scoring request leaves one plain INFO line from the telemetry
 * package: outcome, counts, model, time and the Lambda request id (the mock event server's), and
 * none of the submitted values. The JSON/EMF form is checked on the packaged function
 * (PackagedFunctionIT) and in InvocationLineTest.
 */
@QuarkusTest
class InvocationLogTest {

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().endsWith(".telemetry.InvocationTelemetry")) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aScoredRequestLogsItsCountsAndRequestId() {
        double[][] rows = CardioRows.first(3);
        given().contentType(ContentType.JSON).body(Map.of("records", rows)).post("/v1/score").then().statusCode(200);
        assertThat(logged).hasSize(1);
        String line = logged.get(0).getMessage();
        assertThat(line).startsWith("scored: 3 records, ").contains(" anomalous, model cardio ")
                .containsPattern("request [0-9a-f-]{8,}$");
        assertThat(line).doesNotContain(Double.toString(rows[0][0]));
    }

    @Test
    void aRejectedRequestIsLoggedWithoutItsValues() {
        given().contentType(ContentType.JSON).body("{\"records\":[[\"secret-value-4711\"]]}").post("/v1/score")
                .then().statusCode(400);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getMessage()).startsWith("rejected: 0 records, 0 anomalous, model cardio ")
                .doesNotContain("secret");
    }
}
