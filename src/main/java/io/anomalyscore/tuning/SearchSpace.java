package io.anomalyscore.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;

/**
 * The settings a detector's search draws from: a list of choices per setting, and a log-uniform
 * range for the learning rate (rounded to two significant digits). Sampling draws the settings in
 * a fixed order from the given {@link Random}, so a seed fixes the sequence of configurations.
 *
 * @param hidden hidden-width choices (depth and widths together)
 * @param minLearningRate lowest learning rate
 * @param maxLearningRate highest learning rate
 * @param batchSizes mini-batch size choices
 * @param weightDecays weight-decay choices
 * @param epochs maximum-epoch choices
 * @param patiences patience choices
 * @param windows window-length choices, or empty for record detectors
 */
public record SearchSpace(List<List<Integer>> hidden, double minLearningRate, double maxLearningRate,
        List<Integer> batchSizes, List<Double> weightDecays, List<Integer> epochs, List<Integer> patiences,
        List<Integer> windows) {

    public SearchSpace {
        hidden = hidden.stream().map(List::copyOf).toList();
        batchSizes = List.copyOf(batchSizes);
        weightDecays = List.copyOf(weightDecays);
        epochs = List.copyOf(epochs);
        patiences = List.copyOf(patiences);
        windows = List.copyOf(windows);
        if (hidden.isEmpty() || batchSizes.isEmpty() || weightDecays.isEmpty() || epochs.isEmpty()
                || patiences.isEmpty() || !(minLearningRate > 0) || !(maxLearningRate >= minLearningRate)) {
            throw new IllegalArgumentException("a search space needs at least one choice per setting");
        }
    }

    /** One configuration drawn from the space. */
    public TrialParameters sample(Random random) {
        List<Integer> h = pick(hidden, random);
        double logMin = Math.log(minLearningRate);
        double lr = Math.exp(logMin + random.nextDouble() * (Math.log(maxLearningRate) - logMin));
        double learningRate = new BigDecimal(lr).round(new MathContext(2)).doubleValue();
        int batch = pick(batchSizes, random);
        double decay = pick(weightDecays, random);
        int epoch = pick(epochs, random);
        int patience = pick(patiences, random);
        Integer window = windows.isEmpty() ? null : pick(windows, random);
        return new TrialParameters(h, learningRate, batch, decay, epoch, patience, window);
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** The JSON form recorded in provenance. */
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode h = node.putArray("hidden");
        hidden.forEach(widths -> widths.forEach(h.addArray()::add));
        node.putArray("learningRate").add(minLearningRate).add(maxLearningRate);
        batchSizes.forEach(node.putArray("batchSize")::add);
        weightDecays.forEach(node.putArray("weightDecay")::add);
        epochs.forEach(node.putArray("epochs")::add);
        patiences.forEach(node.putArray("patience")::add);
        if (!windows.isEmpty()) {
            windows.forEach(node.putArray("window")::add);
        }
        return node;
    }
}
