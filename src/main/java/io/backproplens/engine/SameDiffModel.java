package io.backproplens.engine;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The notebook's model rebuilt as an ND4J SameDiff graph, an autodiff that shares no code with the
 * engine: it is the independent reference the gradient check and the benchmark compare against.
 * {@code l1 = x @ w1 + b1; l2 = relu(l1) - shift; out = l2 @ w2 + b2;
 * loss = (out.squeeze(-1) - y).pow(2).mean()}; for the ce head {@code loss = -(log_softmax(out) * onehot(y)).sum(1).mean()},
 * with SameDiff's own log-softmax.
 */
public final class SameDiffModel {
    public static final List<String> PARAMS = List.of("w1", "b1", "w2", "b2");

    private final SameDiff sd = SameDiff.create();
    private final boolean inputGrad;
    private final Head head;

    /**
     * Copies the weights (as {@code dtype}), so the engine's own arrays are never touched.
     *
     * @param inputGrad whether {@link #gradients} also returns {@code x}'s gradient (costs one more
     *                  50,000x784 product at full batch, so the benchmark leaves it off)
     */
    public SameDiffModel(Weights w, double reluShift, DataType dtype, boolean inputGrad) {
        this(w, Head.MSE, reluShift, dtype, inputGrad);
    }

    /** The same with a head; for ce, w2 is nh x 10 and the labels are fed one-hot. */
    public SameDiffModel(Weights w, Head head, double reluShift, DataType dtype, boolean inputGrad) {
        this.inputGrad = inputGrad;
        this.head = head;
        int inputs = (int) w.w1().value().size(0);
        SDVariable x = sd.placeHolder("x", dtype, -1, inputs);
        SDVariable y = head == Head.MSE ? sd.placeHolder("y", dtype, -1) : sd.placeHolder("y", dtype, -1, head.outputs());
        SDVariable w1 = sd.var("w1", w.w1().value().castTo(dtype).dup());
        SDVariable b1 = sd.var("b1", w.b1().value().castTo(dtype).dup());
        SDVariable w2 = sd.var("w2", w.w2().value().castTo(dtype).dup());
        SDVariable b2 = sd.var("b2", w.b2().value().castTo(dtype).dup());
        SDVariable l1 = x.mmul("l1mm", w1).add("l1", b1);
        SDVariable l2 = sd.nn().relu("relu", l1, 0).sub("l2", reluShift);
        SDVariable out = l2.mmul("outmm", w2).add("out", b2);
        SDVariable loss;
        if (head == Head.MSE) {
            SDVariable diff = sd.squeeze(out, 1).sub(y);
            loss = diff.mul(diff).mean("loss");
        } else {
            loss = sd.nn().logSoftmax(out).mul(y).sum(1).mean().neg("loss");
        }
        sd.setLossVariables(loss);
        // A placeholder gets a gradient only if the gradient function is built naming it.
        if (inputGrad) QuietStdout.call(() -> { sd.createGradFunction("x"); return null; });
    }

    public double loss(INDArray x, INDArray y) {
        Map<String, INDArray> r = QuietStdout.call(() -> sd.output(Map.of("x", x, "y", fed(x, y)), "loss"));
        return r.get("loss").getDouble(0);
    }

    /** {@code dLoss/dw1, b1, w2, b2}, and {@code dLoss/dx} too if built with {@code inputGrad}. */
    public Map<String, INDArray> gradients(INDArray x, INDArray y) {
        List<String> names = new ArrayList<>(PARAMS);
        if (inputGrad) names.add("x");
        return QuietStdout.call(() -> sd.calculateGradients(Map.of("x", x, "y", fed(x, y)), names));
    }

    /** The labels as the graph takes them: as they are for mse, one-hot rows for ce. */
    private INDArray fed(INDArray x, INDArray y) {
        if (head == Head.MSE) return y;
        double[] labels = y.reshape(y.length()).toDoubleVector();
        INDArray oneHot = org.nd4j.linalg.factory.Nd4j.zeros(x.dataType(), labels.length, head.outputs());
        for (int i = 0; i < labels.length; i++) oneHot.putScalar(i, (int) labels[i], 1.0);
        return oneHot;
    }
}
