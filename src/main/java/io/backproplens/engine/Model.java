package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The notebook's {@code Model}: {@code Lin(784,nh) -> Relu -> Lin(nh,1)} with an {@code Mse} loss.
 * Calling it runs the layers forward and returns the loss; {@code backward()} runs the loss's
 * backward, then the layers' in reverse. Both record their steps in {@link #trace()}.
 */
public final class Model {
    private final Weights weights;
    private final Lin lin1;
    private final Relu relu;
    private final Lin lin2;
    private final List<Module> layers;
    private final Mse loss = new Mse("mse", "loss");
    private Trace trace = new Trace();

    public Model(Weights weights, double reluShift) {
        this.weights = weights;
        this.lin1 = new Lin("lin1", weights.w1(), weights.b1(), "l1").inputGrad(false);
        this.relu = new Relu("relu", reluShift, "l2");
        this.lin2 = new Lin("lin2", weights.w2(), weights.b2(), "out");
        this.layers = List.of(lin1, relu, lin2);
    }

    /** Whether backward also computes {@code x.g} (off by default: training never needs it). */
    public Model inputGrad(boolean on) {
        lin1.inputGrad(on);
        return this;
    }

    /** {@code __call__(x, targ)}: forward through the layers and the loss; starts a new trace. */
    public Tensor call(Tensor x, Tensor targ) {
        trace = new Trace();
        weights.clearGrads();
        Tensor t = x;
        for (Module l : layers) t = l.call(trace, t);
        return loss.call(trace, t, targ);
    }

    /** {@code backward()}: the loss first, then the layers in reverse. */
    public void backward() {
        loss.backward(trace);
        for (int i = layers.size() - 1; i >= 0; i--) layers.get(i).backward(trace);
    }

    public Trace trace() { return trace; }

    public Weights weights() { return weights; }

    public List<Module> layers() { return layers; }

    public Mse loss() { return loss; }

    /**
     * The input as the engine wants it: in the model's dtype and column-major, which lets BLAS run
     * {@code x @ w1} and {@code x.t() @ l1.g} about 25% faster (GUIDE.md). Do it once per data set.
     */
    public static INDArray prepareInput(INDArray x, DataType dtype) {
        INDArray typed = x.dataType() == dtype ? x : x.castTo(dtype);
        return typed.ordering() == 'f' ? typed : typed.dup('f');
    }
}
