package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/** {@code nll}: {@code -inp[range(n), targ].mean()}, minus the mean log-probability of each row's label. */
public final class Nll extends Module {
    public Nll(String name, String outName) { super(name, outName, List.of("inp", "targ"), Map.of()); }

    @Override
    protected void forward(Step s) {
        // Picked and summed in double, as Mse does: a float32 sum of 50,000 terms drifts.
        s.out("{out} = -{inp}[range({targ}.shape[0]), {targ}].mean()", () -> {
            INDArray inp = s.v("inp");
            int[] labels = labels(s.v("targ"), inp);
            double sum = 0;
            for (int i = 0; i < labels.length; i++) sum += inp.getDouble(i, labels[i]);
            return Nd4j.scalar(inp.dataType(), -sum / labels.length);
        });
    }

    /** Only each row's label entry moves the loss, each by -1/n. */
    @Override
    protected void bwd(Step s) {
        s.grad("{inp}.g = -one_hot({targ}, {inp}.shape[1]) / {targ}.shape[0]", () -> {
            INDArray inp = s.v("inp");
            int[] labels = labels(s.v("targ"), inp);
            int c = (int) inp.size(1);
            double[] g = new double[labels.length * c];
            for (int i = 0; i < labels.length; i++) g[i * c + labels[i]] = -1.0 / labels.length;
            return Nd4j.create(g, new long[]{labels.length, c}, 'c').castTo(inp.dataType());
        });
    }

    /** The labels as class indices, refusing any that is not a whole number in 0..c-1 or a count that does not fit. */
    static int[] labels(INDArray targ, INDArray inp) {
        if (inp.rank() != 2 || inp.size(0) != targ.length()) {
            throw new IllegalArgumentException("nll: input " + Tensor.shapeText(inp.shape()) + " does not fit target "
                    + Tensor.shapeText(targ.shape()) + " (expected " + targ.length() + "xC)");
        }
        double[] t = targ.reshape(targ.length()).toDoubleVector();
        int[] labels = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            labels[i] = (int) t[i];
            if (labels[i] != t[i] || labels[i] < 0 || labels[i] >= inp.size(1)) {
                throw new IllegalArgumentException("nll: label " + t[i] + " at row " + i + " is not a class 0.." + (inp.size(1) - 1));
            }
        }
        return labels;
    }
}
