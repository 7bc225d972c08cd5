package io.backproplens.engine;

import org.nd4j.linalg.ops.transforms.Transforms;

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
        if (shift == 0) s.out("{out} = {inp}.clamp_min(0.)", () -> Transforms.relu(s.v("inp"), true));
        else s.out("{out} = {inp}.clamp_min(0.) - " + shift, () -> Transforms.relu(s.v("inp"), true).subi(shift));
    }

    @Override
    protected void bwd(Step s) {
        s.grad("{inp}.g = ({inp}>0).float() * {out}.g", () -> s.v("inp").gt(0).castTo(s.v("inp").dataType()).muli(s.g("out")));
    }

    @Override
    protected OptionalDouble reluShift() { return OptionalDouble.of(shift); }
}
