package io.backproplens.engine;

import java.util.List;

/**
 * The notebook's {@code Module}: calling it stores its inputs and output, {@code forward} computes,
 * {@code bwd} sets the inputs' {@code .g} from the output's {@code .g}, and {@code backward} calls
 * {@code bwd} with what was stored. Each call also appends one step to the trace.
 */
public abstract class Module {
    private final String name;
    private final String outName;
    private Tensor[] args;
    private Tensor out;

    protected Module(String name, String outName) {
        this.name = name;
        this.outName = outName;
    }

    /** {@code __call__}: remember the arguments, run forward, record the step. */
    public final Tensor call(Trace trace, Tensor... args) {
        this.args = args;
        this.out = new Tensor(outName, forward(args));
        trace.add(new TraceStep(TraceStep.Phase.FORWARD, name, forwardFormulas(),
                bind(forwardFormulas(), args, out), forwardReads(args), List.of(TensorRef.value(out))));
        return out;
    }

    /** {@code backward}: {@code bwd(out, *args)}, then record the step. */
    public final void backward(Trace trace) {
        if (out == null) throw new IllegalStateException(name + ": backward() before a forward call");
        bwd(out, args);
        trace.add(new TraceStep(TraceStep.Phase.BACKWARD, name, backwardFormulas(),
                bind(backwardFormulas(), args, out), backwardReads(out, args), backwardWrites(args)));
    }

    protected abstract org.nd4j.linalg.api.ndarray.INDArray forward(Tensor... args);

    protected abstract void bwd(Tensor out, Tensor... args);

    /** The formulas in the notebook's generic names ({@code inp}, {@code out}, {@code w}, ...). */
    protected abstract List<String> forwardFormulas();

    protected abstract List<String> backwardFormulas();

    protected abstract List<TensorRef> forwardReads(Tensor... args);

    protected abstract List<TensorRef> backwardReads(Tensor out, Tensor... args);

    protected abstract List<TensorRef> backwardWrites(Tensor... args);

    /** Replaces the generic names in a formula by this call's tensor names. */
    protected abstract String bind(String formula, Tensor[] args, Tensor out);

    private List<String> bind(List<String> formulas, Tensor[] args, Tensor out) {
        return formulas.stream().map(f -> bind(f, args, out)).toList();
    }

    public String name() { return name; }

    public Tensor out() { return out; }

    /** Replace a whole word (not inside another identifier) in a formula. */
    protected static String replaceWord(String formula, String word, String by) {
        return formula.replaceAll("(?<![A-Za-z0-9_])" + word + "(?![A-Za-z0-9_])", by);
    }
}
