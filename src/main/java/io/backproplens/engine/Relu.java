package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** {@code Relu}: {@code inp.clamp_min(0.) - shift}; the notebook's refactor used shift 0.5 to re-centre the mean. */
public final class Relu extends Module {
    private final double shift;

    public Relu(String name, double shift, String outName) {
        super(name, outName, List.of("inp"), Map.of());
        this.shift = shift;
    }

    @Override
    protected void forward(Step s) {
        // Each writes into the step's output array: one pass over the data, no mask or copy allocated.
        if (shift == 0) s.out("{out} = {inp}.clamp_min(0.)", () -> relu(s.v("inp"), s.into(s.v("inp").shape())));
        else s.out("{out} = {inp}.clamp_min(0.) - " + shift, () -> relu(s.v("inp"), s.into(s.v("inp").shape())).subi(shift));
    }

    @Override
    protected void bwd(Step s) {
        // ND4J's relu_bp is exactly (inp > 0) * out.g (0 where inp is 0), fused in one pass.
        s.grad("{inp}.g = ({inp}>0).float() * {out}.g", () -> Nd4j.exec(
                new RectifiedLinearDerivative(s.v("inp"), s.g("out"), s.into(s.v("inp").shape())))[0]);
    }

    private static INDArray relu(INDArray inp, INDArray into) {
        Nd4j.exec(new RectifiedLinear(inp, into, 0.0));
        return into;
    }

    @Override
    protected OptionalDouble reluShift() { return OptionalDouble.of(shift); }
}
