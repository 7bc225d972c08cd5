package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import java.util.List;
import java.util.Map;

/** {@code Mse}: {@code (inp.squeeze() - targ).pow(2).mean()}, the squared error of the one output against the label. */
public final class Mse extends Module {
    public Mse(String name, String outName) { super(name, outName, List.of("inp", "targ"), Map.of()); }

    @Override
    protected void forward(Step s) {
        // Summed in double: a float32 mean of 50,000 squares drifts in the 5th digit.
        s.out("{out} = ({inp}.squeeze() - {targ}).pow(2).mean()", () -> s.into().putScalar(0,
                Vectors.squaredDistance(column(s.v("inp"), s.v("targ")), s.v("targ")) / s.v("targ").length()));
    }

    @Override
    protected void bwd(Step s) {
        s.grad("{inp}.g = 2*({inp}.squeeze()-{targ}).unsqueeze(-1) / {targ}.shape[0]", () -> Vectors.scaledDifference(
                column(s.v("inp"), s.v("targ")), s.v("targ"), 2.0 / s.v("targ").length(), s.into(s.v("targ").length(), 1)));
    }

    /** {@code inp}, if it is one column of targ's rows: refuses shapes that do not fit rather than broadcasting them. */
    private static INDArray column(INDArray inp, INDArray targ) {
        long n = targ.length();
        if (inp.rank() == 2 && inp.size(1) == 1 && inp.size(0) == n) return inp;
        throw new IllegalArgumentException("mse: output " + Tensor.shapeText(inp.shape()) + " does not fit target "
                + Tensor.shapeText(targ.shape()) + " (expected " + n + "x1)");
    }
}
