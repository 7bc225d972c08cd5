package io.backproplens.session;

import io.backproplens.engine.Model;
import io.backproplens.engine.Trace;
import io.backproplens.engine.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward and backward pass on the training batch, and the layer outputs on x_valid that the
 * notebook inspects ({@code lin(x_valid, w1, b1)} and {@code relu(...)}, then the model output).
 *
 * @param trained the trained weights the pass ran with, or null: the settings' initial weights
 */
public record PassResult(Settings settings, Weights weights, Model model, Trace trace, double loss,
                         INDArray validLin1, INDArray validRelu, INDArray validLin2,
                         long forwardNanos, long backwardNanos, Trained trained) {

    /** Whether the pass ran on trained weights rather than the settings' initial ones. */
    public boolean isTrained() { return trained != null; }
}
