package io.anomalyscore.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payloads a Step Functions Distributed Map sends its item processor for a CSV on S3, made
 * here without AWS: an {@code ItemReader} with {@code ReaderConfig: {InputType: CSV,
 * CSVHeaderLocation: FIRST_ROW}} turns each row into an object keyed by the header, every value a
 * string; an {@code ItemBatcher} groups up to {@code MaxItemsPerBatch} of them into {@code
 * {"BatchInput": {...}, "Items": [...]}}, which the {@code lambda:invoke} task passes as the payload
 * ({@code "Payload.$": "$"}). Shapes from the Step Functions developer guide: "ItemReader (Map)",
 * "ItemBatcher (Map)" (docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html,
 * .../input-output-itembatcher.html).
 *
 * <p>The CSV reading is a plain comma split: enough for the test files, which hold no quotes.
 */
public final class DistributedMapBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DistributedMapBatches() {}

    /** The rows of {@code csv} (header first) as the CSV item reader gives them. */
    public static List<Map<String, String>> rows(List<String> csv) {
        String[] header = csv.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int j = 0; j < header.length; j++) {
                row.put(header[j], cells[j]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The first {@code n} rows of the cardio data set, each with an id column {@code visit} = "v-<line>" in front. */
    public static List<Map<String, String>> cardioVisits(int n) {
        Path csv = SamTemplate.projectRoot().resolve("src/test/resources/data/cardio.csv");
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> withIds = new ArrayList<>();
            withIds.add("visit," + lines.get(0));
            for (int i = 1; i <= n; i++) {
                withIds.add("v-" + i + "," + lines.get(i));
            }
            return rows(withIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payloads for {@code rows}: batches of at most {@code maxItemsPerBatch}, each with {@code batchInput}. */
    public static List<String> payloads(List<Map<String, String>> rows, int maxItemsPerBatch,
            Map<String, Object> batchInput) {
        List<String> payloads = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += maxItemsPerBatch) {
            payloads.add(payload(rows.subList(from, Math.min(rows.size(), from + maxItemsPerBatch)), batchInput));
        }
        return payloads;
    }

    /** One batch: {@code {"BatchInput": ..., "Items": [...]}}, in the order Step Functions writes them. */
    public static String payload(List<Map<String, String>> items, Map<String, Object> batchInput) {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("BatchInput", JSON.valueToTree(batchInput));
        ArrayNode array = payload.putArray("Items");
        items.forEach(row -> array.add(JSON.valueToTree(row)));
        return payload.toString();
    }
}
