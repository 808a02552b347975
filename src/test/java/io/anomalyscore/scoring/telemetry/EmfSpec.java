package io.anomalyscore.scoring.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rules of CloudWatch's Embedded Metric Format specification (docs.aws.amazon.com,
 * AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html) that a
 * document can be checked against on its own: the {@code _aws} metadata object with a number
 * {@code Timestamp} (ms since the epoch) and {@code CloudWatchMetrics}; each MetricDirective with a
 * 1–255-character {@code Namespace}, {@code Dimensions} (sets of at most 30 names, each naming a
 * root member with a string value) and {@code Metrics} (at most 100, each with a {@code Name} that
 * names a root member holding a number or an array of at most 100 numbers, and an optional
 * CloudWatch {@code Unit} and {@code StorageResolution} 1 or 60); no other members in those objects.
 */
public final class EmfSpec {

    /** CloudWatch's standard units (the MetricDatum Unit enumeration). */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private EmfSpec() {}

    /** Every rule {@code root} breaks; empty when it is a valid EMF document. */
    public static List<String> violations(JsonNode root) {
        List<String> v = new ArrayList<>();
        if (root == null || !root.isObject()) {
            v.add("the document is not a JSON object");
            return v;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            v.add("no _aws metadata object");
            return v;
        }
        onlyMembers(aws, Set.of("Timestamp", "CloudWatchMetrics"), "_aws", v);
        if (!aws.path("Timestamp").isIntegralNumber() || aws.path("Timestamp").asLong() <= 0) {
            v.add("_aws.Timestamp is not a positive integer (ms since the epoch)");
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray()) {
            v.add("_aws.CloudWatchMetrics is not an array");
            return v;
        }
        for (JsonNode d : directives) {
            directive(root, d, v);
        }
        return v;
    }

    private static void directive(JsonNode root, JsonNode d, List<String> v) {
        onlyMembers(d, Set.of("Namespace", "Dimensions", "Metrics"), "MetricDirective", v);
        String ns = d.path("Namespace").asText("");
        if (!d.path("Namespace").isTextual() || ns.isEmpty() || ns.length() > 255) {
            v.add("Namespace is not a string of 1 to 255 characters");
        }
        if (!d.path("Dimensions").isArray()) {
            v.add("Dimensions is not an array");
        }
        for (JsonNode set : d.path("Dimensions")) {
            if (!set.isArray() || set.size() > 30) {
                v.add("a DimensionSet is not an array of at most 30 names: " + set);
                continue;
            }
            for (JsonNode name : set) {
                if (!root.path(name.asText()).isTextual()) {
                    v.add("dimension " + name + " names no root member with a string value");
                }
            }
        }
        JsonNode metrics = d.path("Metrics");
        if (!metrics.isArray() || metrics.isEmpty() || metrics.size() > 100) {
            v.add("Metrics is not an array of 1 to 100 MetricDefinitions");
        }
        for (JsonNode m : metrics) {
            metric(root, m, v);
        }
    }

    private static void metric(JsonNode root, JsonNode m, List<String> v) {
        onlyMembers(m, Set.of("Name", "Unit", "StorageResolution"), "MetricDefinition", v);
        JsonNode value = root.path(m.path("Name").asText());
        boolean numbers = value.isArray() && value.size() <= 100 && allNumbers(value);
        if (!m.path("Name").isTextual() || !(value.isNumber() || numbers)) {
            v.add("metric " + m.path("Name") + " names no root member with a number (or up to 100 numbers)");
        }
        if (m.has("Unit") && !UNITS.contains(m.get("Unit").asText())) {
            v.add("metric " + m.path("Name") + " has an unknown Unit " + m.get("Unit"));
        }
        if (m.has("StorageResolution") && !Set.of(1, 60).contains(m.get("StorageResolution").asInt())) {
            v.add("metric " + m.path("Name") + " has a StorageResolution other than 1 or 60");
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void onlyMembers(JsonNode object, Set<String> allowed, String what, List<String> v) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!allowed.contains(name)) {
                v.add(what + " has a member the specification does not define: " + name);
            }
        }
    }
}
