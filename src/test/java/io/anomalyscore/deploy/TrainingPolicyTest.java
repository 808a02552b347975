package io.anomalyscore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/iam/training-policy.json}, the role of the training jar and image: parsed and evaluated
 * (Allow statements, glob resources, the {@code s3:prefix} condition) against the requests the training
 * and models commands make. It may read the data prefix and nothing else there, list and write only the
 * model prefix, and it grants exactly the actions that the S3 calls in {@code storage/} need.
 */
class TrainingPolicyTest {

    private static final String DATA = "arn:aws:s3:::DATA_BUCKET/DATA_PREFIX/";
    private static final String MODELS = "arn:aws:s3:::MODEL_BUCKET/MODEL_PREFIX/";
    private static final String MODEL_BUCKET = "arn:aws:s3:::MODEL_BUCKET";

    /** S3 client method -> the IAM action it needs (docs.aws.amazon.com/AmazonS3/latest/API/API_Operations.html). */
    private static final Map<String, String> ACTION_OF_CALL = Map.of(
            "getObject", "s3:GetObject", "getObjectAsBytes", "s3:GetObject", "headObject", "s3:GetObject",
            "putObject", "s3:PutObject", "deleteObject", "s3:DeleteObject",
            "headBucket", "s3:ListBucket", "listObjectsV2", "s3:ListBucket", "listObjectsV2Paginator", "s3:ListBucket");

    private static List<JsonNode> statements;

    @BeforeAll
    static void load() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(SamTemplate.projectRoot().resolve("deploy/iam/training-policy.json")
                .toFile());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        statements = new ArrayList<>();
        policy.path("Statement").forEach(statements::add);
    }

    @Test
    void onlyAllowStatementsWithNamedActionsOnTheThreeResources() {
        assertThat(statements).isNotEmpty().allSatisfy(s -> {
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            assertThat(values(s.path("Action"))).allMatch(a -> a.startsWith("s3:") && !a.contains("*"));
            assertThat(values(s.path("Resource"))).isSubsetOf(DATA + "*", MODELS + "*", MODEL_BUCKET);
            assertThat(s.has("NotAction") || s.has("NotResource")).isFalse();
        });
    }

    @Test
    void theDataPrefixIsReadOnly() {
        assertThat(allows("s3:GetObject", DATA + "cardio.csv", null)).isTrue();
        assertThat(allows("s3:GetObject", DATA + "2026/12/cardio.csv", null)).isTrue();
        assertThat(allows("s3:GetObject", "arn:aws:s3:::DATA_BUCKET/other/cardio.csv", null)).isFalse();
        assertThat(allows("s3:GetObject", "arn:aws:s3:::DATA_BUCKET/DATA_PREFIX-other/cardio.csv", null)).isFalse();
        for (String write : List.of("s3:PutObject", "s3:DeleteObject")) {
            assertThat(allows(write, DATA + "cardio.csv", null)).as(write).isFalse();
        }
        assertThat(allows("s3:ListBucket", "arn:aws:s3:::DATA_BUCKET", "DATA_PREFIX/")).isFalse();
    }

    @Test
    void writesStayUnderTheModelPrefix() {
        for (String key : List.of("LATEST", "HISTORY", "0123456789abcdef/manifest.json", "0123456789abcdef/weights.params")) {
            for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject")) {
                assertThat(allows(action, MODELS + key, null)).as(action + " " + key).isTrue();
            }
        }
        for (String outside : List.of("arn:aws:s3:::MODEL_BUCKET/LATEST", "arn:aws:s3:::MODEL_BUCKET/other/LATEST",
                "arn:aws:s3:::MODEL_BUCKET/MODEL_PREFIX-other/LATEST", "arn:aws:s3:::OTHER_BUCKET/MODEL_PREFIX/LATEST")) {
            assertThat(allows("s3:PutObject", outside, null)).as(outside).isFalse();
            assertThat(allows("s3:GetObject", outside, null)).as(outside).isFalse();
        }
    }

    @Test
    void listingIsLimitedToTheModelPrefix() {
        assertThat(allows("s3:ListBucket", MODEL_BUCKET, "MODEL_PREFIX/")).as("models list").isTrue();
        assertThat(allows("s3:ListBucket", MODEL_BUCKET, null)).as("HeadBucket, the write check: no prefix").isTrue();
        assertThat(allows("s3:ListBucket", MODEL_BUCKET, "")).as("the bucket's top level").isFalse();
        assertThat(allows("s3:ListBucket", MODEL_BUCKET, "other/")).isFalse();
        assertThat(allows("s3:ListBucket", MODEL_BUCKET, "MODEL_PREFIX-other/")).isFalse();
    }

    @Test
    void grantsExactlyTheActionsTheStorageCodeCalls() throws IOException {
        Set<String> needed = new TreeSet<>();
        Pattern call = Pattern.compile("\\bs3\\.([a-zA-Z0-9]+)\\(");
        Path storage = SamTemplate.projectRoot().resolve("src/main/java/io/anomalyscore/storage");
        try (Stream<Path> files = Files.list(storage)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("S3")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(ACTION_OF_CALL).as("S3 call %s in %s: add its IAM action here and to the policy",
                            m.group(1), file.getFileName()).containsKey(m.group(1));
                    needed.add(ACTION_OF_CALL.get(m.group(1)));
                }
            }
        }
        Set<String> granted = new TreeSet<>();
        statements.forEach(s -> granted.addAll(values(s.path("Action"))));
        assertThat(granted).isEqualTo(needed);
    }

    /** Whether some Allow statement matches; {@code prefix} is the request's s3:prefix, null when absent. */
    private static boolean allows(String action, String resource, String prefix) {
        return statements.stream().anyMatch(s -> values(s.path("Action")).contains(action)
                && values(s.path("Resource")).stream().anyMatch(r -> glob(r, resource))
                && conditionHolds(s.path("Condition"), prefix));
    }

    private static boolean conditionHolds(JsonNode condition, String prefix) {
        if (condition.isMissingNode()) {
            return true;
        }
        List<String> operators = new ArrayList<>();
        condition.fieldNames().forEachRemaining(operators::add);
        assertThat(operators).as("conditions this evaluator knows").isSubsetOf("StringLike", "StringLikeIfExists");
        assertThat(operators).hasSize(1);
        String operator = operators.get(0);
        JsonNode keys = condition.path(operator);
        assertThat(keys.size()).isEqualTo(1);
        List<String> patterns = values(keys.path("s3:prefix"));
        assertThat(patterns).as("s3:prefix condition").isNotEmpty();
        if (prefix == null) {
            return operator.endsWith("IfExists");
        }
        return patterns.stream().anyMatch(p -> glob(p, prefix));
    }

    private static boolean glob(String pattern, String value) {
        return value.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
