package io.backproplens.engine;

import java.util.List;

/** {@code Lin}: {@code inp @ w + b}; backward sets {@code inp.g}, {@code w.g}, {@code b.g}. */
public final class Lin extends Module {
    private boolean inputGrad = true, onDemand;

    public Lin(String name, Tensor w, Tensor b, String outName) {
        super(name, outName, List.of("inp"), ordered("w", w, "b", b));
    }

    /** Whether bwd sets inp.g: the data's gradient is never needed to train, and is the costliest product. */
    public Lin inputGrad(boolean on) { inputGrad = on; onDemand = false; return this; }

    /**
     * bwd records inp.g's equation and computes it only when the trace's {@code x.g} is first
     * read ({@link Module.Step#gradOnDemand}): at 50,000x784 it is 157 MB, one of the pass's five
     * products, and only a view that opens it needs it.
     */
    public Lin inputGradOnDemand() { inputGrad = true; onDemand = true; return this; }

    @Override
    protected void forward(Step s) {
        s.out("{out} = {inp} @ {w} + {b}", () -> Gemm.mmulPlusRow(s.v("inp"), s.v("w"), s.v("b"), s::into));
    }

    @Override
    protected void bwd(Step s) {
        if (onDemand) s.gradOnDemand("{inp}.g = {out}.g @ {w}.t()", () -> Gemm.mmul(s.g("out"), false, s.v("w"), true, s::into));
        else if (inputGrad) s.grad("{inp}.g = {out}.g @ {w}.t()", () -> Gemm.mmul(s.g("out"), false, s.v("w"), true, s::into));
        s.grad("{w}.g = {inp}.t() @ {out}.g", () -> Gemm.mmul(s.v("inp"), true, s.g("out"), false, s::into));
        s.grad("{b}.g = {out}.g.sum(0)", () -> Gemm.columnSums(s.g("out"), s::into));
    }
}
