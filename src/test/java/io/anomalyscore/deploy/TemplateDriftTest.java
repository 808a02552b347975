package io.anomalyscore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.anomalyscore.scoring.ScoreResource;
import io.anomalyscore.scoring.ServingConfig;
import io.smallrye.config.WithName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fails when {@code template.yaml} drifts from the code it deploys. */
class TemplateDriftTest {

    private static SamTemplate template;

    @BeforeAll
    static void load() throws Exception {
        template = SamTemplate.load();
    }

    @Test
    void handlerNamesARealStreamHandlerMethod() throws Exception {
        String[] handler = template.handler().split("::");
        assertThat(handler).hasSize(2);
        Class<?> type = Class.forName(handler[0]);
        // Lambda makes the instance with the public no-argument constructor and calls the named method
        assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        assertThat(Modifier.isAbstract(type.getModifiers())).as("abstract handler class").isFalse();
        assertThat(type.getConstructors()).as("public constructors").anyMatch(c -> c.getParameterCount() == 0);
        Method method = type.getMethod(handler[1], InputStream.class, OutputStream.class, Context.class);
        assertThat(Modifier.isAbstract(method.getModifiers())).as("abstract handler method").isFalse();
        assertThat(handler[0]).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler");
    }

    @Test
    void functionIsTheZipOnJava21X86() {
        Map<String, Object> function = template.properties("ScoringFunction");
        assertThat(function.get("CodeUri")).isEqualTo("target/function.zip");
        assertThat(function.get("Runtime")).isEqualTo("java21"); // libtorch 2.7.1 needs AL2023's glibc
        assertThat(function.get("Architectures")).isEqualTo(List.of("x86_64")); // only linux-x86_64 native jar
        // SnapStart's 512 MB ceiling when on (the footprint is measured by SnapStartPrimingIT), 1024 otherwise
        assertThat(SamTemplate.map(function.get("EphemeralStorage"), "EphemeralStorage").get("Size"))
                .isEqualTo(Map.of("Fn::If", List.of("SnapStartOn", 512, 1024)));
    }

    @Test
    void snapStartIsAnOptInOnThePublishedVersionsTheApiInvokes() {
        Map<String, Object> parameter = SamTemplate.map(template.section("Parameters").get("SnapStart"), "SnapStart");
        assertThat(parameter.get("Default")).isEqualTo("Off");
        assertThat(parameter.get("AllowedValues")).isEqualTo(List.of("Off", "On"));
        assertThat(template.section("Conditions").get("SnapStartOn"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "SnapStart"), "On")));
        Map<String, Object> function = template.properties("ScoringFunction");
        assertThat(function.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(function.get("SnapStart"))
                .isEqualTo(Map.of("ApplyOn", Map.of("Fn::If", List.of("SnapStartOn", "PublishedVersions", "None"))));
        // $LATEST never runs from a snapshot: the API and its permission name the alias
        assertThat(template.properties("ScoringIntegration").get("IntegrationUri"))
                .isEqualTo(Map.of("Ref", "ScoringFunction.Alias"));
        assertThat(template.properties("ApiInvokePermission").get("FunctionName"))
                .isEqualTo(Map.of("Ref", "ScoringFunction.Alias"));
    }

    @Test
    void everyAnomalyVariableIsARealConfigKey() {
        Set<String> keys = configKeys("anomaly", ServingConfig.class);
        assertThat(keys).contains("anomaly.model.uri", "anomaly.engine.threads"); // the walk itself works
        Map<String, String> envToKey = new java.util.HashMap<>();
        keys.forEach(k -> envToKey.put(k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), k));
        List<String> unknown = new ArrayList<>();
        for (String name : template.environment().keySet()) {
            if (name.startsWith("ANOMALY_") && !envToKey.containsKey(name)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("ANOMALY_* variables without a ServingConfig key (known: %s)", envToKey.keySet())
                .isEmpty();
        assertThat(template.environment()).containsKeys("ANOMALY_MODEL_URI", "ANOMALY_ENGINE_THREADS");
    }

    @Test
    void djlNeverDownloadsAndCachesUnderTmp() {
        Map<String, Object> env = template.environment();
        assertThat(env.get("DJL_OFFLINE")).isEqualTo("true");
        assertThat(env.get("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat((String) env.get("DJL_CACHE_DIR")).startsWith("/tmp/");
    }

    @Test
    void modelUriIsBuiltFromTheParameters() {
        String uri = template.environment().get("ANOMALY_MODEL_URI").toString();
        assertThat(uri).contains("Fn::If", "HasModelVersion", "s3://${ModelBucket}/${ModelPrefix}",
                "${ModelVersion}");
        assertThat(template.section("Parameters"))
                .containsKeys("ModelBucket", "ModelPrefix", "ModelVersion", "MemorySize", "StageName", "ApiAuth");
    }

    @Test
    void anEmptyModelBucketServesTheBundledModel() {
        Map<String, Object> bucket = SamTemplate.map(template.section("Parameters").get("ModelBucket"), "ModelBucket");
        assertThat(bucket.get("Default")).isEqualTo("");
        assertThat(template.section("Conditions").get("HasModelBucket"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "ModelBucket"), "")))));
        List<?> choice = (List<?>) SamTemplate.map(template.environment().get("ANOMALY_MODEL_URI"), "uri").get("Fn::If");
        assertThat(choice.get(0)).isEqualTo("HasModelBucket");
        String bundled = (String) choice.get(2);
        assertThat(bundled).isEqualTo("classpath:default-model");
        // the folder the classpath: URI names is in function.zip: it is a resource of this build
        assertThat(Thread.currentThread().getContextClassLoader()
                .getResource(bundled.substring("classpath:".length()) + "/manifest.json")).isNotNull();
    }

    @Test
    void apiAuthDefaultsToIamAndNoneIsAnOptIn() {
        Map<String, Object> auth = SamTemplate.map(template.section("Parameters").get("ApiAuth"), "ApiAuth");
        assertThat(auth.get("Default")).isEqualTo("AWS_IAM");
        assertThat(auth.get("AllowedValues")).isEqualTo(List.of("AWS_IAM", "NONE"));
        assertThat(auth.get("Description").toString()).contains("NONE opens the API to anyone");
    }

    @Test
    void policyOnlyReadsTheModelPrefix() {
        List<?> policies = (List<?>) template.properties("ScoringFunction").get("Policies");
        assertThat(policies).hasSize(1);
        // only with a bucket: Fn::If [HasModelBucket, the policy, AWS::NoValue]
        List<?> choice = (List<?>) SamTemplate.map(policies.get(0), "policy").get("Fn::If");
        assertThat(choice).hasSize(3);
        assertThat(choice.get(0)).isEqualTo("HasModelBucket");
        assertThat(choice.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
        List<?> statements = (List<?>) SamTemplate.map(choice.get(1), "policy").get("Statement");
        assertThat(statements).hasSize(1);
        Map<String, Object> statement = SamTemplate.map(statements.get(0), "statement");
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(statement.get("Action")).isEqualTo("s3:GetObject");
        Object resource = statement.get("Resource");
        assertThat(resource).isInstanceOf(Map.class);
        assertThat(SamTemplate.map(resource, "Resource").get("Fn::Sub").toString())
                .matches("arn:(aws|\\$\\{AWS::Partition\\}):s3:::\\$\\{ModelBucket\\}/\\$\\{ModelPrefix\\}/\\*");
    }

    @Test
    void routesMatchTheResourceAndUseTheAuthParameter() {
        Set<String> api = new TreeSet<>();
        String base = ScoreResource.class.getAnnotation(Path.class).value();
        for (Method m : ScoreResource.class.getMethods()) {
            Path path = m.getAnnotation(Path.class);
            String verb = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(GET.class) ? "GET" : null;
            if (path != null && verb != null) {
                api.add(verb + " " + base + path.value());
            }
        }
        Set<String> routes = new TreeSet<>();
        template.section("Resources").forEach((name, value) -> {
            Map<String, Object> resource = SamTemplate.map(value, name);
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                Map<String, Object> props = SamTemplate.map(resource.get("Properties"), name);
                routes.add((String) props.get("RouteKey"));
                assertThat(props.get("AuthorizationType")).as(name).isEqualTo(Map.of("Ref", "ApiAuth"));
            }
        });
        assertThat(routes).isEqualTo(api).contains("POST /v1/score", "GET /v1/model");
    }

    @Test
    void outputsNameTheApiAndTheFunction() {
        assertThat(template.section("Outputs")).containsKeys("ApiUrl", "FunctionName", "FunctionArn");
    }

    /** The keys of a {@code @ConfigMapping} interface, derived the way SmallRye names them (kebab-case). */
    static Set<String> configKeys(String prefix, Class<?> mapping) {
        Set<String> keys = new TreeSet<>();
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String name = named != null ? named.value()
                    : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == ServingConfig.class) {
                keys.addAll(configKeys(prefix + "." + name, type));
            } else {
                keys.add(prefix + "." + name);
            }
        }
        return keys;
    }
}
