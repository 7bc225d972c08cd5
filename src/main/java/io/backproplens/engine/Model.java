package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebook's {@code Model}: a list of layers and a loss. Calling it runs the layers forward and
 * returns the loss; {@code backward()} runs the loss's backward, then the layers' in reverse. The
 * model records every step of a call and its backward in {@link #trace()}.
 */
public final class Model {
    private final List<Module> layers;
    private final Module loss;
    private Trace trace = new Trace();
    private OutputArrays outputs = OutputArrays.FRESH;

    public Model(List<Module> layers, Module loss) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        this.layers = List.copyOf(layers);
        this.loss = loss;
    }

    /** The notebook's {@code [Lin(w1,b1), Relu(), Lin(w2,b2)]} with {@code Mse}, named as the app shows them. */
    public static Model notebook(Weights w, double reluShift) {
        return stack(Params.of(w), Head.MSE, reluShift);
    }

    /**
     * {@code depth} times Lin+ReLU, then the output Lin and the head: {@code lin1 -> l1, relu -> l2,
     * lin2 -> out} at depth 1 (the notebook's names), {@code lin1, relu1, lin2, relu2, ..., lin(d+1)}
     * deeper; for ce, {@code log_softmax -> sm_pred} and {@code nll}. The layers use the given tensors.
     */
    public static Model stack(Params p, Head head, double reluShift) {
        int d = p.depth();
        List<Module> layers = new ArrayList<>();
        for (int i = 1; i <= d; i++) {
            Lin lin = new Lin("lin" + i, p.w(i), p.b(i), "l" + (2 * i - 1));
            layers.add(i == 1 ? lin.inputGrad(false) : lin);
            layers.add(new Relu(d == 1 ? "relu" : "relu" + i, reluShift, "l" + 2 * i));
        }
        layers.add(new Lin("lin" + (d + 1), p.w(d + 1), p.b(d + 1), "out"));
        layers.addAll(head.tail());
        return new Model(layers, head.loss());
    }

    /** Whether backward also computes the input's {@code .g} (off by default: training never needs it). */
    public Model inputGrad(boolean on) {
        if (layers.get(0) instanceof Lin first) first.inputGrad(on);
        return this;
    }

    /** As {@link #inputGrad}(true), but {@code x.g} is computed when the trace's is first read ({@link Lin#inputGradOnDemand}). */
    public Model inputGradOnDemand() {
        if (layers.get(0) instanceof Lin first) first.inputGradOnDemand();
        return this;
    }

    /**
     * Whether each call writes into arrays an earlier call wrote instead of new ones: for a model
     * called in a loop (training, the benchmark), where a fresh array costs more than the step that
     * fills it (a 784x50 float array ~100 us here, the 64-row product that fills it about as much;
     * docs/performance.md). Calls take two sets of arrays in turn, so with it on a trace (and every
     * array it holds, the updated weights too) stays valid during the next call and is written
     * over by the one after, unless {@link #keepArrays()} hands it over. Off (the default), traces
     * never change.
     */
    public Model reuseArrays(boolean on) {
        outputs = on ? new ReusedOutputs() : OutputArrays.FRESH;
        return this;
    }

    /**
     * With {@link #reuseArrays} on: the arrays of the latest call's trace (what it wrote, the weights
     * its update wrote, and the weights it read) are the caller's from now on, and no later call
     * writes into them; the next two calls allocate afresh. Without it, every array is already the
     * caller's.
     */
    public void keepArrays() {
        if (outputs instanceof ReusedOutputs r) r.keepLatest();
    }

    /** {@code __call__(x, targ)}: forward through the layers and the loss; starts a new trace. */
    public Tensor call(Tensor x, Tensor targ) {
        trace = new Trace();
        if (outputs instanceof ReusedOutputs r) r.nextCall();
        params().forEach(Tensor::clearG);
        for (Module m : all()) {
            m.recordTo(trace::add);
            m.outputsFrom(outputs);
        }
        return loss.call(forward(x), targ);
    }

    /** The layers alone, no loss: what the model predicts for {@code x}. Records into the current trace. */
    public Tensor forward(Tensor x) {
        for (Module l : layers) x = l.call(x);
        return x;
    }

    /** {@code backward()}: the loss first, then the layers in reverse. */
    public void backward() {
        loss.backward();
        for (int i = layers.size() - 1; i >= 0; i--) layers.get(i).backward();
    }

    /**
     * The SGD step after {@link #backward()}: {@code w -= lr * w.g} for every layer's tensors, layer
     * by layer (as 03_minibatch_training loops over {@code model.layers}), each layer's grads cleared;
     * recorded in the trace after the backward steps as one update step per layer with tensors.
     */
    public void update(double lr) {
        for (Module l : layers) l.update(lr);
    }

    public Trace trace() { return trace; }

    /** The trace of a pass run by other means ({@link BlockedPass}); nothing more records into it. */
    void setTrace(Trace t) {
        trace = t;
        for (Module m : all()) m.recordTo(s -> {});
    }

    public List<Module> layers() { return layers; }

    public Module loss() { return loss; }

    /** Every layer's own tensors, in layer order: what training updates. */
    public List<Tensor> params() {
        List<Tensor> p = new ArrayList<>();
        for (Module l : layers) p.addAll(l.params());
        return p;
    }

    private List<Module> all() {
        List<Module> m = new ArrayList<>(layers);
        m.add(loss);
        return m;
    }

    /**
     * The input as the engine wants it: in the model's dtype and column-major, which lets BLAS run
     * {@code x @ w1} and {@code x.t() @ l1.g} about 25% faster (docs/performance.md). Do it once per data set.
     */
    public static INDArray prepareInput(INDArray x, DataType dtype) {
        INDArray typed = x.dataType() == dtype ? x : x.castTo(dtype);
        return typed.ordering() == 'f' ? typed : typed.dup('f');
    }
}
