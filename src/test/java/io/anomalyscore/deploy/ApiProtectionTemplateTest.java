package io.anomalyscore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API protection in template.yaml: stage throttling on by default from two parameters, IAM
 * authorization by default on every route, and reserved concurrency as an optional cost cap that
 * is off (no property at all) unless its parameter is above 0.
 */
class ApiProtectionTemplateTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load();
    }

    private static Map<String, Object> parameter(String name) {
        return SamTemplate.map(template.section("Parameters").get(name), name);
    }

    @Test
    void theStageIsThrottledByDefaultFromItsParameters() {
        Map<String, Object> settings = SamTemplate.map(template.properties("ScoringStage").get("DefaultRouteSettings"),
                "DefaultRouteSettings");
        assertThat(settings).containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ApiThrottlingBurstLimit"))
                .containsEntry("ThrottlingRateLimit", Map.of("Ref", "ApiThrottlingRateLimit"));
        for (String name : List.of("ApiThrottlingBurstLimit", "ApiThrottlingRateLimit")) {
            assertThat(parameter(name)).containsEntry("Type", "Number").containsEntry("MinValue", 1);
            assertThat((Integer) parameter(name).get("Default")).as(name + " default").isPositive();
        }
    }

    @Test
    void everyRouteTakesItsAuthorizationFromApiAuthWhichDefaultsToIam() {
        assertThat(parameter("ApiAuth")).containsEntry("Default", "AWS_IAM");
        Map<String, Object> resources = template.section("Resources");
        List<String> routes = resources.entrySet().stream()
                .filter(e -> "AWS::ApiGatewayV2::Route".equals(SamTemplate.map(e.getValue(), e.getKey()).get("Type")))
                .map(Map.Entry::getKey).toList();
        assertThat(routes).isNotEmpty();
        for (String route : routes) {
            assertThat(template.properties(route)).as(route).containsEntry("AuthorizationType", Map.of("Ref", "ApiAuth"));
        }
    }

    @Test
    void reservedConcurrencyIsAnOptionalCapOffByDefault() {
        assertThat(parameter("ReservedConcurrency")).containsEntry("Default", 0).containsEntry("MinValue", 0);
        assertThat(template.section("Conditions")).containsEntry("HasReservedConcurrency",
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "ReservedConcurrency"), 0)))));
        assertThat(template.properties("ScoringFunction").get("ReservedConcurrentExecutions")).isEqualTo(
                Map.of("Fn::If", List.of("HasReservedConcurrency", Map.of("Ref", "ReservedConcurrency"),
                        Map.of("Ref", "AWS::NoValue"))));
    }
}
