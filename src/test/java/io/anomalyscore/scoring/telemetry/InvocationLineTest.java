package io.anomalyscore.scoring.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invocation line: valid JSON on one line, the documented members, and a valid EMF document. */
class InvocationLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_764_680_000_123L;
    private static final Invocation SCORED = new Invocation("8f5c-1", "cardio", "0123456789abcdef", "autoencoder",
            Invocation.Outcome.SCORED, 7, 2, 12.3456, NOW);

    @Test
    void theLineIsAnEmfDocumentWithTheDocumentedMembers() throws Exception {
        String line = new InvocationLine("AnomalyScorer").json(SCORED);
        assertThat(line).doesNotContain("\n").startsWith("{").endsWith("}");
        JsonNode root = JSON.readTree(line);
        assertThat(EmfSpec.violations(root)).isEmpty();
        assertThat(root.get("timestamp").asText()).isEqualTo("2025-12-02T12:53:20.123Z");
        assertThat(root.get("level").asText()).isEqualTo("INFO");
        assertThat(root.get("message").asText()).isEqualTo("scored");
        assertThat(root.get("requestId").asText()).isEqualTo("8f5c-1");
        assertThat(root.get("ModelName").asText()).isEqualTo("cardio");
        assertThat(root.get("ModelVersion").asText()).isEqualTo("0123456789abcdef");
        assertThat(root.get("RecordsScored").asInt()).isEqualTo(7);
        assertThat(root.get("AnomaliesFlagged").asInt()).isEqualTo(2);
        assertThat(root.get("ScoringLatency").asDouble()).isEqualTo(12.346);
        assertThat(root.get("RequestsRejected").asInt()).isZero();
        assertThat(root.get("RequestsFailed").asInt()).isZero();

        JsonNode aws = root.get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        assertThat(directive.get("Namespace").asText()).isEqualTo("AnomalyScorer");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"ModelName\",\"ModelVersion\"]]");
        List<String> metrics = new ArrayList<>();
        directive.get("Metrics").forEach(m -> metrics.add(m.get("Name").asText() + "/" + m.get("Unit").asText()));
        assertThat(metrics).containsExactly("RecordsScored/Count", "AnomaliesFlagged/Count",
                "ScoringLatency/Milliseconds", "RequestsRejected/Count", "RequestsFailed/Count");
    }

    @Test
    void withoutMetricsTheSameLineHasNoEmfMetadata() throws Exception {
        JsonNode root = JSON.readTree(new InvocationLine(null).json(SCORED));
        assertThat(root.has("_aws")).isFalse();
        assertThat(root.get("RecordsScored").asInt()).isEqualTo(7);
    }

    @Test
    void rejectedAndFailedRequestsCountAsSuch() throws Exception {
        InvocationLine format = new InvocationLine("AnomalyScorer");
        JsonNode rejected = JSON.readTree(format.json(new Invocation("r", "m", "v", "d", Invocation.Outcome.REJECTED,
                0, 0, 0.5, NOW)));
        JsonNode failed = JSON.readTree(format.json(new Invocation(null, "m", "v", "d", Invocation.Outcome.FAILED,
                0, 0, 0.5, NOW)));
        assertThat(EmfSpec.violations(rejected)).isEmpty();
        assertThat(EmfSpec.violations(failed)).isEmpty();
        assertThat(rejected.get("RequestsRejected").asInt()).isOne();
        assertThat(rejected.get("outcome").asText()).isEqualTo("rejected");
        assertThat(failed.get("RequestsFailed").asInt()).isOne();
        assertThat(failed.get("level").asText()).isEqualTo("ERROR");
        assertThat(failed.has("requestId")).as("no id outside Lambda: the member is left out").isFalse();
    }

    @Test
    void namesThatNeedEscapingStayOneValidLine() throws Exception {
        String odd = "a\"b\\c\nd\te\u0001f\u2028g";
        String line = new InvocationLine("Name \"spaced\"").json(new Invocation(odd, odd, odd, odd,
                Invocation.Outcome.SCORED, 1, 0, 1, NOW));
        assertThat(line).doesNotContain("\n").doesNotContain("\u2028");
        JsonNode root = JSON.readTree(line);
        assertThat(root.get("requestId").asText()).isEqualTo(odd);
        assertThat(root.get("ModelVersion").asText()).isEqualTo(odd);
        assertThat(root.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Name \"spaced\"");
        assertThat(EmfSpec.violations(root)).isEmpty();
    }

    @Test
    void theCheckerCatchesBrokenDocuments() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(new InvocationLine("AnomalyScorer").json(SCORED));
        root.remove("ModelVersion");
        root.put("RecordsScored", "7");
        ((ObjectNode) root.get("_aws")).put("Timestamp", "now");
        assertThat(EmfSpec.violations(root)).containsExactlyInAnyOrder(
                "_aws.Timestamp is not a positive integer (ms since the epoch)",
                "dimension \"ModelVersion\" names no root member with a string value",
                "metric \"RecordsScored\" names no root member with a number (or up to 100 numbers)");
    }

    @Test
    void aNamespaceHasOneTo255Characters() {
        assertThatThrownBy(() -> new InvocationLine("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvocationLine("n".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePlainLineSaysTheSameInWords() {
        assertThat(InvocationLine.plain(SCORED))
                .isEqualTo("scored: 7 records, 2 anomalous, model cardio 0123456789abcdef, 12.3 ms, request 8f5c-1");
    }
}
