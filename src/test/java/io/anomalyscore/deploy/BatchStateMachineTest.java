package io.anomalyscore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.scoring.BatchOptions;
import io.anomalyscore.scoring.ServingConfig;
import io.smallrye.config.WithDefault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch-scoring state machine of {@code template.yaml}: its Amazon States Language definition
 * (the {@code DefinitionString}'s {@code Fn::Sub}, resolved with stand-in values) parsed as JSON,
 * every state reachable, the function and S3 locations wired where Step Functions reads them, and
 * the role scoped to them.
 */
class BatchStateMachineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:scoring-fn";
    /** Stand-ins for what CloudFormation substitutes; the numbers are odd on purpose, to see them arrive as numbers. */
    private static final Map<String, String> VALUES = Map.of(
            "AWS::Partition", "aws",
            "ScoringFunction.Arn", FUNCTION_ARN,
            "BatchInputBucket", "in-bucket",
            "BatchInputPrefix", "in/prefix",
            "OutputBucket", "out-bucket",
            "BatchOutputPrefix", "out/prefix",
            "BatchMaxItemsPerBatch", "777",
            "BatchMaxConcurrency", "33",
            "BatchToleratedFailurePercentage", "7");
    private static final Set<String> TERMINAL = Set.of("Succeed", "Fail");
    private static final List<String> LAMBDA_SERVICE_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    private static SamTemplate template;
    private static JsonNode definition;

    @BeforeAll
    static void resolveTheDefinition() throws Exception {
        template = SamTemplate.load();
        List<?> sub = (List<?>) SamTemplate.map(template.properties("BatchScoringStateMachine").get("DefinitionString"),
                "DefinitionString").get("Fn::Sub");
        Map<String, Object> variables = SamTemplate.map(sub.get(1), "Fn::Sub variables");
        assertThat(variables).containsOnlyKeys("OutputBucket");
        assertThat(variables.get("OutputBucket")).isEqualTo(Map.of("Fn::If",
                List.of("HasBatchOutputBucket", Map.of("Ref", "BatchOutputBucket"), Map.of("Ref", "BatchInputBucket"))));
        String text = (String) sub.get(0);
        Matcher names = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        Set<String> used = new TreeSet<>();
        while (names.find()) {
            used.add(names.group(1));
        }
        assertThat(VALUES.keySet()).as("every substitution is a parameter, the function's ARN or a variable")
                .containsAll(used);
        for (String name : used) {
            if (!name.contains(":") && !name.contains(".") && !variables.containsKey(name)) {
                assertThat(template.section("Parameters")).containsKey(name);
            }
            text = text.replace("${" + name + "}", VALUES.get(name));
        }
        definition = JSON.readTree(text);
    }

    @Test
    void theStateMachineIsOptInAndEveryBatchResourceHangsOnTheSwitch() {
        Map<String, Object> enable = SamTemplate.map(template.section("Parameters").get("EnableBatchScoring"), "p");
        assertThat(enable.get("Default")).isEqualTo("false");
        assertThat(template.section("Conditions").get("BatchScoringEnabled"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "EnableBatchScoring"), "true")));
        for (String name : List.of("BatchScoringRole", "BatchScoringStateMachine")) {
            assertThat(SamTemplate.map(template.section("Resources").get(name), name).get("Condition"))
                    .as(name).isEqualTo("BatchScoringEnabled");
        }
        for (String name : List.of("BatchStateMachineArn", "BatchResultsLocation")) {
            assertThat(SamTemplate.map(template.section("Outputs").get(name), name).get("Condition"))
                    .as(name).isEqualTo("BatchScoringEnabled");
        }
    }

    @Test
    void everyStateIsReachableAndEveryTransitionLandsOnAState() {
        Set<String> names = new HashSet<>();
        List<JsonNode> scopes = new ArrayList<>();
        collectScopes(definition, scopes);
        assertThat(scopes).as("the top level, two file maps, the prefix map").hasSize(4);
        for (JsonNode scope : scopes) {
            JsonNode states = scope.get("States");
            assertThat(states.has(scope.get("StartAt").asText())).isTrue();
            Set<String> reached = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(scope.get("StartAt").asText()));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (!reached.add(name)) {
                    continue;
                }
                for (String next : transitions(name, states.get(name))) {
                    assertThat(states.has(next)).as(name + " -> " + next).isTrue();
                    todo.push(next);
                }
            }
            List<String> all = new ArrayList<>();
            states.fieldNames().forEachRemaining(all::add);
            assertThat(reached).as("reachable from " + scope.get("StartAt")).containsExactlyInAnyOrderElementsOf(all);
            for (String name : all) {
                assertThat(names.add(name)).as("state names are unique in the whole machine: " + name).isTrue();
            }
        }
        assertThat(names).contains("CheckInput", "InvalidInput", "ScoreFile", "ScoreBatch", "ScoreFiles", "IsCsv",
                "SkipFile", "ScoreListedFile", "ScoreListedBatch");
    }

    @Test
    void csvMapsReadTheInputBatchForTheFunctionAndWriteTheOutputPrefix() {
        JsonNode top = definition.get("States").get("ScoreFile");
        JsonNode listed = definition.get("States").get("ScoreFiles").get("ItemProcessor").get("States")
                .get("ScoreListedFile");
        assertThat(renamed(listed)).as("a listed file is scored exactly as a named one").isEqualTo(renamed(top));
        for (JsonNode map : List.of(top, listed)) {
            assertThat(map.get("Type").asText()).isEqualTo("Map");
            JsonNode reader = map.get("ItemReader");
            assertThat(reader.get("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
            assertThat(reader.get("ReaderConfig")).isEqualTo(JSON.createObjectNode().put("InputType", "CSV")
                    .put("CSVHeaderLocation", "FIRST_ROW"));
            assertThat(reader.get("Parameters").get("Bucket").asText()).isEqualTo("in-bucket");
            assertThat(reader.get("Parameters").get("Key.$").asText()).isEqualTo("$.key");
            JsonNode batcher = map.get("ItemBatcher");
            assertThat(batcher.get("MaxItemsPerBatch").isInt()).isTrue();
            assertThat(batcher.get("MaxItemsPerBatch").asInt()).isEqualTo(777);
            assertThat(batcher.get("MaxInputBytesPerBatch").asInt()).isBetween(1, 256 * 1024);
            List<String> batchInput = new ArrayList<>();
            batcher.get("BatchInput").fieldNames().forEachRemaining(n -> batchInput.add(n.replace(".$", "")));
            assertThat(batchInput).as("what the function reads from BatchInput").containsExactlyElementsOf(BatchOptions.FIELDS);
            assertThat(map.get("MaxConcurrency").isInt()).isTrue();
            assertThat(map.get("MaxConcurrency").asInt()).isEqualTo(33);
            assertThat(map.get("ToleratedFailurePercentage").asInt()).isEqualTo(7);
            assertThat(map.get("ItemProcessor").get("ProcessorConfig").get("Mode").asText()).isEqualTo("DISTRIBUTED");
            assertResultWriter(map);
        }
    }

    @Test
    void aPrefixIsListedInTheInputBucketAndEachKeyPassedOnWithTheOptions() {
        JsonNode map = definition.get("States").get("ScoreFiles");
        JsonNode reader = map.get("ItemReader");
        assertThat(reader.get("Resource").asText()).isEqualTo("arn:aws:states:::s3:listObjectsV2");
        assertThat(reader.get("Parameters").get("Bucket").asText()).isEqualTo("in-bucket");
        assertThat(reader.get("Parameters").get("Prefix.$").asText()).isEqualTo("$.prefix");
        // the child gets the same input shape as an execution for one key
        assertThat(map.get("ItemSelector").get("key.$").asText()).isEqualTo("$$.Map.Item.Value.Key");
        for (String option : BatchOptions.FIELDS) {
            assertThat(map.get("ItemSelector").get(option + ".$").asText()).isEqualTo("$." + option);
        }
        assertThat(map.get("MaxConcurrency").asInt()).as("files one after another, batches in parallel").isEqualTo(1);
        assertResultWriter(map);
    }

    @Test
    void everyTaskInvokesTheScoringFunctionWithTheBatchAndRetriesOnlyLambdaServiceErrors() {
        List<JsonNode> tasks = new ArrayList<>();
        collectStates(definition, "Task", tasks);
        assertThat(tasks).hasSize(2);
        for (JsonNode task : tasks) {
            assertThat(task.get("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke");
            assertThat(task.get("Parameters").get("FunctionName").asText()).as("the live alias, as the API invokes it (SnapStart runs published versions only)").isEqualTo(FUNCTION_ARN + ":live");
            assertThat(task.get("Parameters").get("Payload.$").asText()).as("the batch as it is").isEqualTo("$");
            assertThat(task.get("OutputPath").asText()).isEqualTo("$.Payload");
            List<String> retried = new ArrayList<>();
            task.get("Retry").forEach(r -> r.get("ErrorEquals").forEach(e -> retried.add(e.asText())));
            assertThat(retried).containsAll(LAMBDA_SERVICE_ERRORS)
                    .as("an invalid batch fails the same way every time: no catch-all retry")
                    .doesNotContain("States.ALL", "States.TaskFailed", "io.anomalyscore.scoring.lambda.InvalidRecordsError");
        }
    }

    @Test
    void batchesNeverExceedTheFunctionsMaxRecords() throws Exception {
        int maxRecords = Integer.parseInt(ServingConfig.class.getMethod("maxRecords").getAnnotation(WithDefault.class)
                .value());
        Map<String, Object> perBatch = SamTemplate.map(template.section("Parameters").get("BatchMaxItemsPerBatch"), "p");
        assertThat(((Number) perBatch.get("MaxValue")).intValue()).isLessThanOrEqualTo(maxRecords);
        assertThat(((Number) perBatch.get("Default")).intValue()).isLessThanOrEqualTo(maxRecords);
        assertThat(template.environment()).as("no other max-records on Lambda").doesNotContainKey("ANOMALY_MAX_RECORDS");
    }

    @Test
    void theRoleReadsOnlyTheInputPrefixWritesOnlyTheOutputPrefixAndInvokesOnlyTheFunction() {
        Map<String, Object> role = template.properties("BatchScoringRole");
        Map<String, Object> trust = SamTemplate.map(((List<?>) SamTemplate.map(role.get("AssumeRolePolicyDocument"), "trust")
                .get("Statement")).get(0), "trust statement");
        assertThat(trust.get("Principal")).isEqualTo(Map.of("Service", "states.amazonaws.com"));
        List<?> policies = (List<?>) role.get("Policies");
        assertThat(policies).hasSize(1);
        Map<String, Object> statements = new LinkedHashMap<>();
        for (Object s : (List<?>) SamTemplate.map(SamTemplate.map(policies.get(0), "policy").get("PolicyDocument"), "doc")
                .get("Statement")) {
            Map<String, Object> statement = SamTemplate.map(s, "statement");
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            statements.put((String) statement.get("Sid"), statement);
        }
        assertThat(statements).containsOnlyKeys("InvokeScoringFunction", "ReadInputCsv", "ListInputPrefix", "WriteResults",
                "RunMapChildWorkflows", "ManageMapChildWorkflows");
        Map<String, Object> invoke = SamTemplate.map(statements.get("InvokeScoringFunction"), "s");
        assertThat(invoke.get("Action")).isEqualTo("lambda:InvokeFunction");
        assertThat(invoke.get("Resource")).isEqualTo(List.of(Map.of("Fn::GetAtt", "ScoringFunction.Arn"),
                Map.of("Fn::Sub", "${ScoringFunction.Arn}:*")));
        Map<String, Object> read = SamTemplate.map(statements.get("ReadInputCsv"), "s");
        assertThat(read.get("Action")).isEqualTo("s3:GetObject");
        assertThat(read.get("Resource")).isEqualTo(Map.of("Fn::Sub",
                "arn:${AWS::Partition}:s3:::${BatchInputBucket}/${BatchInputPrefix}/*"));
        Map<String, Object> list = SamTemplate.map(statements.get("ListInputPrefix"), "s");
        assertThat(list.get("Action")).isEqualTo("s3:ListBucket");
        assertThat(list.get("Condition")).isEqualTo(Map.of("StringLike",
                Map.of("s3:prefix", Map.of("Fn::Sub", "${BatchInputPrefix}/*"))));
        Map<String, Object> write = SamTemplate.map(statements.get("WriteResults"), "s");
        List<String> writeActions = ((List<?>) write.get("Action")).stream().map(Object::toString).toList();
        assertThat(writeActions).contains("s3:PutObject").allMatch(a -> !a.contains("*")).doesNotContain("s3:DeleteObject");
        List<?> writeArn = (List<?>) SamTemplate.map(write.get("Resource"), "r").get("Fn::Sub");
        assertThat(writeArn.get(0)).isEqualTo("arn:${AWS::Partition}:s3:::${Bucket}/${BatchOutputPrefix}/*");
        assertThat(writeArn.get(1)).isEqualTo(Map.of("Bucket", Map.of("Fn::If",
                List.of("HasBatchOutputBucket", Map.of("Ref", "BatchOutputBucket"), Map.of("Ref", "BatchInputBucket")))));
        // the Distributed Map's child workflows: executions of this very state machine, and nothing else
        String name = (String) SamTemplate.map(template.properties("BatchScoringStateMachine").get("StateMachineName"),
                "name").get("Fn::Sub");
        Map<String, Object> start = SamTemplate.map(statements.get("RunMapChildWorkflows"), "s");
        assertThat(start.get("Action")).isEqualTo("states:StartExecution");
        assertThat(start.get("Resource")).isEqualTo(Map.of("Fn::Sub",
                "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:" + name));
        for (Object arn : (List<?>) SamTemplate.map(statements.get("ManageMapChildWorkflows"), "s").get("Resource")) {
            assertThat(SamTemplate.map(arn, "arn").get("Fn::Sub").toString())
                    .startsWith("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:" + name);
        }
        assertThat(role.toString()).as("no wildcard resource or action").doesNotContain("Resource=*", "Action=*",
                "s3:*", "states:*", "lambda:*");
    }

    private static void assertResultWriter(JsonNode map) {
        JsonNode writer = map.get("ResultWriter");
        assertThat(writer.get("Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(writer.get("Parameters").get("Bucket").asText()).isEqualTo("out-bucket");
        assertThat(writer.get("Parameters").get("Prefix").asText()).isEqualTo("out/prefix");
    }

    /** The state names a state may go to next. */
    private static List<String> transitions(String name, JsonNode state) {
        List<String> next = new ArrayList<>();
        String type = state.get("Type").asText();
        if (type.equals("Choice")) {
            state.get("Choices").forEach(c -> next.add(c.get("Next").asText()));
            if (state.has("Default")) {
                next.add(state.get("Default").asText());
            }
            assertThat(state.has("End") || state.has("Next")).as(name).isFalse();
        } else if (!TERMINAL.contains(type)) {
            assertThat(state.has("Next") != state.path("End").asBoolean(false)).as(name + ": Next xor End").isTrue();
            if (state.has("Next")) {
                next.add(state.get("Next").asText());
            }
        }
        state.path("Catch").forEach(c -> next.add(c.get("Next").asText()));
        return next;
    }

    /** Every object with {@code StartAt} and {@code States}: the machine and each map's item processor. */
    private static void collectScopes(JsonNode scope, List<JsonNode> scopes) {
        scopes.add(scope);
        for (JsonNode state : scope.get("States")) {
            if (state.has("ItemProcessor")) {
                collectScopes(state.get("ItemProcessor"), scopes);
            }
        }
    }

    private static void collectStates(JsonNode scope, String type, List<JsonNode> found) {
        for (JsonNode state : scope.get("States")) {
            if (state.get("Type").asText().equals(type)) {
                found.add(state);
            }
            if (state.has("ItemProcessor")) {
                collectStates(state.get("ItemProcessor"), type, found);
            }
        }
    }

    /** {@code map} with its label and state names replaced by placeholders, to compare two maps' behaviour. */
    private static JsonNode renamed(JsonNode map) {
        ObjectNode copy = map.deepCopy();
        copy.put("Label", "_");
        ObjectNode processor = (ObjectNode) copy.get("ItemProcessor");
        String start = processor.get("StartAt").asText();
        processor.put("StartAt", "_");
        ObjectNode states = (ObjectNode) processor.get("States");
        JsonNode only = states.get(start);
        assertThat(states.size()).isEqualTo(1);
        processor.set("States", JSON.createObjectNode().set("_", only));
        return copy;
    }
}
