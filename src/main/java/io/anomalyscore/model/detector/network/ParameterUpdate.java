package io.anomalyscore.model.detector.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * One optimizer step over every trainable parameter of a block, from the gradient the last
 * backward pass left on it: the optimizer's update (on PyTorch, DJL's fused native Adam, which
 * reads its own copy of the gradient and zeroes the parameter's gradient afterwards). This is
 * what DJL's {@code Trainer.step()} does on one device, without the copy of every gradient its
 * parameter server makes first (needed only to share one gradient between devices), so the
 * updated weights are the same bits.
 */
final class ParameterUpdate {

    private final Optimizer optimizer;
    private final List<Pair<String, NDArray>> parameters = new ArrayList<>();

    /** Updates the trainable parameters of {@code block} (initialised) with {@code optimizer}. */
    ParameterUpdate(Block block, Optimizer optimizer) {
        this.optimizer = optimizer;
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (parameter.requiresGradient()) {
                parameters.add(new Pair<>(parameter.getId(), parameter.getArray()));
            }
        }
    }

    /** Applies one update to every parameter and zeroes its gradient. */
    void step() {
        for (Pair<String, NDArray> parameter : parameters) {
            NDArray weight = parameter.getValue();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(parameter.getKey(), weight, gradient);
            }
        }
    }
}
