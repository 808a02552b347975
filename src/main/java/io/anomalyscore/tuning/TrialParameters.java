package io.anomalyscore.tuning;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anomalyscore.model.detector.FitSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration the search tries: the settings it varies, everything else as the run's options
 * say.
 *
 * @param hidden hidden layer widths
 * @param learningRate Adam learning rate
 * @param batchSize mini-batch size
 * @param weightDecay Adam's L2 weight decay (0 = none)
 * @param epochs maximum epochs
 * @param patience epochs without validation improvement before stopping
 * @param window steps per window for window detectors, {@code null} for record detectors
 */
public record TrialParameters(List<Integer> hidden, double learningRate, int batchSize, double weightDecay,
        int epochs, int patience, Integer window) {

    public TrialParameters {
        hidden = List.copyOf(hidden);
    }

    /** {@code base} with this trial's settings (its seed stays). */
    public FitSettings applyTo(FitSettings base) {
        return new FitSettings(epochs, patience, batchSize, learningRate, base.seed(), hidden, weightDecay);
    }

    /** The settings as the manifest's hyper-parameters record them (text), overriding the options'. */
    public Map<String, String> hyperParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("epochs", Integer.toString(epochs));
        p.put("patience", Integer.toString(patience));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Double.toString(learningRate));
        p.put("weightDecay", Double.toString(weightDecay));
        if (window != null) {
            p.put("window", Integer.toString(window));
        }
        return p;
    }

    /** The JSON form recorded for each trial. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        hidden.forEach(node.putArray("hidden")::add);
        node.put("learningRate", learningRate);
        node.put("batchSize", batchSize);
        node.put("weightDecay", weightDecay);
        node.put("epochs", epochs);
        node.put("patience", patience);
        if (window != null) {
            node.put("window", window);
        }
        return node;
    }

    /** One line for progress output. */
    public String describe() {
        return "hidden " + hidden + ", lr " + learningRate + ", batch " + batchSize + ", weight decay " + weightDecay
                + ", epochs " + epochs + ", patience " + patience + (window == null ? "" : ", window " + window);
    }
}
