package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * {@code Relu}: {@code inp.clamp_min(0.) - shift}. Plain ReLU (shift 0) is the default; the
 * notebook's refactor tried {@code -0.5}, which pulls the mean of the activations back toward 0.
 */
public final class Relu extends Module {
    private final double shift;

    public Relu(String name, double shift, String outName) {
        super(name, outName);
        this.shift = shift;
    }

    public double shift() { return shift; }

    @Override
    protected INDArray forward(Tensor... args) {
        INDArray out = Transforms.relu(args[0].value(), true);
        return shift == 0 ? out : out.subi(shift);
    }

    @Override
    protected void bwd(Tensor out, Tensor... args) {
        INDArray inp = args[0].value();
        args[0].setG(inp.gt(0).castTo(inp.dataType()).muli(out.g()));
    }

    @Override
    protected List<String> forwardFormulas() {
        return List.of(shift == 0 ? "out = inp.clamp_min(0.)" : "out = inp.clamp_min(0.) - " + shift);
    }

    @Override
    protected List<String> backwardFormulas() { return List.of("inp.g = (inp>0).float() * out.g"); }

    @Override
    protected List<TensorRef> forwardReads(Tensor... args) { return List.of(TensorRef.value(args[0])); }

    @Override
    protected List<TensorRef> backwardReads(Tensor out, Tensor... args) {
        return List.of(TensorRef.grad(out), TensorRef.value(args[0]));
    }

    @Override
    protected List<TensorRef> backwardWrites(Tensor... args) { return List.of(TensorRef.grad(args[0])); }

    @Override
    protected String bind(String formula, Tensor[] args, Tensor out) {
        String s = replaceWord(formula, "inp", args[0].name());
        return replaceWord(s, "out", out.name());
    }
}
