package io.backproplens.engine;

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
        if (shift == 0) s.out("{out} = {inp}.clamp_min(0.)", () -> Fused.relu(s.v("inp"), s.into(s.v("inp").shape())));
        else s.out("{out} = {inp}.clamp_min(0.) - " + shift, () -> Fused.relu(s.v("inp"), s.into(s.v("inp").shape())).subi(shift));
    }

    @Override
    protected void bwd(Step s) {
        s.grad("{inp}.g = ({inp}>0).float() * {out}.g", () -> Fused.reluBackward(s.v("inp"), s.g("out"), s.into(s.v("inp").shape())));
    }

    @Override
    protected OptionalDouble reluShift() { return OptionalDouble.of(shift); }
}
