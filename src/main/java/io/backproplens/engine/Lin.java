package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** {@code Lin}: {@code inp @ w + b}; backward sets {@code inp.g}, {@code w.g}, {@code b.g}. */
public final class Lin extends Module {
    private final Tensor w;
    private final Tensor b;
    private boolean inputGrad = true;

    public Lin(String name, Tensor w, Tensor b, String outName) {
        super(name, outName);
        this.w = w;
        this.b = b;
    }

    /**
     * Whether backward computes {@code inp.g}. The first layer's input is the data: nothing needs
     * its gradient for training, and at 50,000x784 it is the most expensive product of the pass.
     */
    public Lin inputGrad(boolean on) {
        this.inputGrad = on;
        return this;
    }

    public Tensor w() { return w; }

    public Tensor b() { return b; }

    @Override
    protected INDArray forward(Tensor... args) {
        return Gemm.mmul(args[0].value(), false, w.value(), false).addiRowVector(b.value());
    }

    @Override
    protected void bwd(Tensor out, Tensor... args) {
        Tensor inp = args[0];
        if (inputGrad) inp.setG(Gemm.mmul(out.g(), false, w.value(), true));
        w.setG(Gemm.mmul(inp.value(), true, out.g(), false));
        b.setG(out.g().sum(0));
    }

    @Override
    protected List<String> forwardFormulas() { return List.of("out = inp @ w + b"); }

    @Override
    protected List<String> backwardFormulas() {
        List<String> f = new ArrayList<>();
        if (inputGrad) f.add("inp.g = out.g @ w.t()");
        f.add("w.g = inp.t() @ out.g");
        f.add("b.g = out.g.sum(0)");
        return f;
    }

    @Override
    protected List<TensorRef> forwardReads(Tensor... args) {
        return List.of(TensorRef.value(args[0]), TensorRef.value(w), TensorRef.value(b));
    }

    @Override
    protected List<TensorRef> backwardReads(Tensor out, Tensor... args) {
        return List.of(TensorRef.grad(out), TensorRef.value(args[0]), TensorRef.value(w));
    }

    @Override
    protected List<TensorRef> backwardWrites(Tensor... args) {
        List<TensorRef> written = new ArrayList<>();
        if (inputGrad) written.add(TensorRef.grad(args[0]));
        written.add(TensorRef.grad(w));
        written.add(TensorRef.grad(b));
        return written;
    }

    @Override
    protected String bind(String formula, Tensor[] args, Tensor out) {
        String s = replaceWord(formula, "inp", args[0].name());
        s = replaceWord(s, "out", "\u0000");  // placeholder: the output may itself be named "out"
        s = replaceWord(s, "w", w.name());
        s = replaceWord(s, "b", b.name());
        return s.replace("\u0000", out.name());
    }
}
