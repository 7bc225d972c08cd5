package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * {@code Mse}: {@code (inp.squeeze() - targ).pow(2).mean()}, the mean over the batch of the squared
 * error between the one output column and the label; backward sets {@code inp.g}.
 */
public final class Mse extends Module {

    public Mse(String name, String outName) { super(name, outName); }

    @Override
    protected INDArray forward(Tensor... args) {
        INDArray diff = squeezedDiff(args[0], args[1]);
        // The sum of squares in double: a float32 mean of 50,000 terms would drift in the 5th digit.
        double sumSq = diff.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).norm2Number().doubleValue();
        return Nd4j.scalar(args[0].value().dataType(), sumSq * sumSq / diff.length());
    }

    @Override
    protected void bwd(Tensor out, Tensor... args) {
        Tensor inp = args[0];
        long n = args[1].value().length();
        inp.setG(squeezedDiff(inp, args[1]).muli(2.0 / n).reshape(n, 1));
    }

    /** {@code inp.squeeze() - targ}, refusing shapes that do not fit rather than broadcasting them. */
    private static INDArray squeezedDiff(Tensor inp, Tensor targ) {
        long n = targ.value().length();
        INDArray v = inp.value();
        if (v.rank() != 2 || v.size(1) != 1 || v.size(0) != n) {
            throw new IllegalArgumentException("mse: output " + Tensor.shapeText(v.shape())
                    + " does not fit target " + Tensor.shapeText(targ.value().shape())
                    + " (expected " + n + "x1)");
        }
        return v.reshape(n).sub(targ.value().reshape(n));
    }

    @Override
    protected List<String> forwardFormulas() { return List.of("out = (inp.squeeze() - targ).pow(2).mean()"); }

    @Override
    protected List<String> backwardFormulas() {
        return List.of("inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0]");
    }

    @Override
    protected List<TensorRef> forwardReads(Tensor... args) {
        return List.of(TensorRef.value(args[0]), TensorRef.value(args[1]));
    }

    @Override
    protected List<TensorRef> backwardReads(Tensor out, Tensor... args) {
        return List.of(TensorRef.value(args[0]), TensorRef.value(args[1]));
    }

    @Override
    protected List<TensorRef> backwardWrites(Tensor... args) { return List.of(TensorRef.grad(args[0])); }

    @Override
    protected String bind(String formula, Tensor[] args, Tensor out) {
        String s = replaceWord(formula, "inp", "\u0000");
        s = replaceWord(s, "targ", args[1].name());
        s = replaceWord(s, "out", out.name());
        return s.replace("\u0000", args[0].name());
    }
}
