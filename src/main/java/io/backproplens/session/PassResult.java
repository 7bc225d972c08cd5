package io.backproplens.session;

import io.backproplens.engine.Head;
import io.backproplens.engine.Model;
import io.backproplens.engine.Params;
import io.backproplens.engine.Trace;
import io.backproplens.engine.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * One forward and backward pass on the training batch, and the layer outputs on x_valid that the
 * notebook inspects ({@code lin(x_valid, w1, b1)} and {@code relu(...)}, then the model output).
 *
 * @param params  the model's tensors: the notebook's four, or a trained stack's ({@code w1, b1, ..., w(d+1), b(d+1)})
 * @param head    what follows the last Lin: mse (the notebook's) or ce
 * @param valid   every layer's output on x_valid, in layer order ({@code lin1, relu, lin2} for the notebook's network)
 * @param trained the trained weights the pass ran with, or null: the settings' initial weights
 */
public record PassResult(Settings settings, Params params, Head head, Model model, Trace trace, double loss,
                         List<ValidLayer> valid, long forwardNanos, long backwardNanos, Trained trained) {

    /** One layer's output on x_valid: the module ({@code lin1}, {@code relu2}, ...) and its array. */
    public record ValidLayer(String module, INDArray value) {}

    public PassResult {
        valid = List.copyOf(valid);
        if (valid.size() < 3) throw new IllegalArgumentException("a pass has at least lin1, relu and lin2 on x_valid, got " + valid.size());
    }

    /** Whether the pass ran on trained weights rather than the settings' initial ones. */
    public boolean isTrained() { return trained != null; }

    /** Whether the model is the notebook's network (head mse, one hidden layer): what every view draws. */
    public boolean isNotebook() { return head == Head.MSE && params.depth() == 1; }

    /** Hidden Lin+ReLU layers. */
    public int depth() { return params.depth(); }

    /** The tensors as the notebook's {@link Weights}; only for a model of depth 1 (see {@link Params#weights()}). */
    public Weights weights() { return params.weights(); }

    /** The first Lin's output on x_valid. */
    public INDArray validLin1() { return valid.get(0).value(); }

    /** The first ReLU's output on x_valid. */
    public INDArray validRelu() { return valid.get(1).value(); }

    /** The last Lin's output on x_valid: what the model predicts (before a ce head's log-softmax). */
    public INDArray validLin2() { return valid.get(2 * params.depth()).value(); }
}
