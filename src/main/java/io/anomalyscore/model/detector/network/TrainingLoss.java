package io.anomalyscore.model.detector.network;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The training losses of the network detectors, each the same function, computed with the same
 * native operations in the same order, as the DJL loss it replaces (so the same bits, forward and
 * backward), minus DJL's no-op steps: {@link #MEAN_SQUARED_ERROR} is {@code Loss.l2Loss("mse", 1)}
 * without its multiplication by the weight 1 (exact in IEEE arithmetic, both ways), and both skip
 * the label's reshape when the label already has the prediction's shape. Each dropped step was a
 * native call and a node in the autograd graph of every training step.
 */
public enum TrainingLoss {

    /** {@code mean((label - prediction)^2)} over every element: PyTorch's {@code mse_loss}. */
    MEAN_SQUARED_ERROR {
        @Override
        public NDArray evaluate(NDArray label, NDArray prediction) {
            return shaped(label, prediction).sub(prediction).square().mean();
        }
    },

    /**
     * Binary cross-entropy on logits, {@code mean(relu(x) - x*y + softplus(-|x|))}: PyTorch's
     * {@code binary_cross_entropy_with_logits} (the same function, written as DJL's
     * {@code SigmoidBinaryCrossEntropyLoss} writes it).
     */
    BINARY_CROSS_ENTROPY_WITH_LOGITS {
        @Override
        public NDArray evaluate(NDArray label, NDArray prediction) {
            NDArray y = shaped(label, prediction);
            return Activation.relu(prediction).sub(prediction.mul(y))
                    .add(Activation.softPlus(prediction.abs().neg())).mean();
        }
    };

    /** The loss of {@code prediction} against {@code label}, a scalar (mean over every element). */
    public abstract NDArray evaluate(NDArray label, NDArray prediction);

    /** DJL's loss of the same function, which DJL's training configuration asks for. */
    Loss djl() {
        return this == MEAN_SQUARED_ERROR ? Loss.l2Loss("mse", 1) : Loss.sigmoidBinaryCrossEntropyLoss();
    }

    private static NDArray shaped(NDArray label, NDArray prediction) {
        return label.getShape().equals(prediction.getShape()) ? label : label.reshape(prediction.getShape());
    }
}
