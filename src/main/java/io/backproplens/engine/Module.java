package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The notebook's {@code Module}: calling it stores its arguments and output, {@code forward}
 * computes the output, {@code bwd} sets the arguments' {@code .g} from the output's, and
 * {@code backward()} calls {@code bwd}. A subclass states each line of its maths once, as an
 * {@link Equation} through {@link Step}; what the step reads, writes and prints follows from it.
 */
public abstract class Module {
    private final String name;
    private final String outName;
    private final List<String> argSlots;
    private final Map<String, Tensor> params;
    private Tensor[] args;
    private Tensor out;
    private Consumer<TraceStep> recorder = s -> {};
    private OutputArrays outputs = OutputArrays.FRESH;

    /**
     * @param argSlots the slot names of the call's arguments, in order ({@code inp}, {@code targ})
     * @param params   the module's own tensors by slot name ({@code w}, {@code b})
     */
    protected Module(String name, String outName, List<String> argSlots, Map<String, Tensor> params) {
        this.name = name;
        this.outName = outName;
        this.argSlots = List.copyOf(argSlots);
        this.params = new LinkedHashMap<>(params);
    }

    /** Two tensors in the order given (Map.of keeps none): params() and the update steps follow it. */
    protected static Map<String, Tensor> ordered(String slot1, Tensor t1, String slot2, Tensor t2) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put(slot1, t1);
        m.put(slot2, t2);
        return m;
    }

    /** {@code __call__}: remember the arguments, run forward. */
    public final Tensor call(Tensor... args) {
        this.args = checked(args);
        this.out = new Tensor(outName, null);
        Step s = new Step(TraceStep.Phase.FORWARD);
        forward(s);
        recorder.accept(s.record());
        return out;
    }

    /** {@code backward()}: {@code bwd(out, *args)}. */
    public final void backward() {
        if (out == null) throw new IllegalStateException(name + ": backward() before a forward call");
        Step s = new Step(TraceStep.Phase.BACKWARD);
        bwd(s);
        recorder.accept(s.record());
    }

    private Tensor[] checked(Tensor[] args) {
        if (args.length == argSlots.size()) return args;
        throw new IllegalArgumentException(name + " takes " + argSlots + ", got " + args.length + " tensors");
    }

    /**
     * The SGD step of this module's own tensors: {@code w -= lr * w.g} for each, then their grads
     * cleared (the notebook's {@code w.g.zero_()}). The new values go into the arrays the model
     * lends (fresh ones by default, never the arrays this pass read), so the ones an earlier trace
     * step read stay as they were. A module without tensors records nothing.
     */
    public final void update(double lr) {
        if (params.isEmpty()) return;
        if (out == null) throw new IllegalStateException(name + ": update() before a forward call");
        Step s = new Step(TraceStep.Phase.UPDATE);
        for (String p : params.keySet()) {
            s.update("{" + p + "} -= lr * {" + p + "}.g", () -> minusLrTimes(s.v(p), s.g(p), lr, s.into(s.v(p).shape())));
        }
        params.values().forEach(Tensor::clearG);
        recorder.accept(s.record());
    }

    /**
     * {@code w - lr * g} into {@code next}: w copied, then BLAS adds {@code -lr * g} entry for entry
     * (axpy). ND4J's element-wise {@code w.sub(g.mul(lr))} took ~130 us per op on a 784x50 float
     * array here, BLAS axpy 2-6 us. Anything axpy cannot take (views, other layouts) falls back.
     */
    private static INDArray minusLrTimes(INDArray w, INDArray g, double lr, INDArray next) {
        if (w.dataType() != g.dataType() || next.dataType() != g.dataType() || !java.util.Arrays.equals(w.shape(), g.shape())
                || g.isView() || g.elementWiseStride() != 1 || next.ordering() != g.ordering() || next.isView()) {
            return next.assign(w.sub(g.mul(lr)));
        }
        next.assign(w);
        org.nd4j.linalg.factory.Nd4j.getBlasWrapper().level1().axpy(g.length(), -lr, g, next);
        return next;
    }

    /** Computes {@code {out}} with one or more {@link Step#out} equations. */
    protected abstract void forward(Step s);

    /** Sets the {@code .g} of the arguments and parameters with {@link Step#grad} equations. */
    protected abstract void bwd(Step s);

    /** The ReLU's shift, for the trace; other modules have none. */
    protected OptionalDouble reluShift() { return OptionalDouble.empty(); }

    /** Where this module's steps go: the model that owns it sets this for each pass. */
    final void recordTo(Consumer<TraceStep> recorder) { this.recorder = recorder; }

    /** Where this module's equations get the arrays they write into: the model that owns it sets this. */
    final void outputsFrom(OutputArrays outputs) { this.outputs = outputs; }

    public String name() { return name; }

    public Tensor out() { return out; }

    /** The module's own tensors ({@code w}, {@code b}), in declaration order. */
    public List<Tensor> params() { return List.copyOf(params.values()); }

    private Tensor slot(String slot) {
        if (slot.equals("out")) return out;
        int i = argSlots.indexOf(slot);
        if (i >= 0) return args[i];
        Tensor p = params.get(slot);
        if (p == null) throw new IllegalArgumentException(name + " has no slot {" + slot + "}");
        return p;
    }

    /**
     * One forward or backward call being run: the equations it evaluates, and the check that each
     * equation's code touches exactly the tensors its template names (so the text shown to the class
     * and the code that ran cannot disagree).
     */
    protected final class Step {
        private final TraceStep.Phase phase;
        private final List<TraceStep.Line> lines = new ArrayList<>();
        private Set<Equation.Slot> touched;
        private Equation running;
        /** While an on-demand equation runs: the arrays its reads had when the pass ran. */
        private Map<Equation.Slot, INDArray> pinned;

        private Step(TraceStep.Phase phase) { this.phase = phase; }

        /** The value of a slot, inside an equation's code. */
        public INDArray v(String slot) {
            Equation.Slot k = new Equation.Slot(slot, false);
            Tensor t = touch(k);
            return pinned != null ? pinned.get(k) : t.value();
        }

        /** The gradient of a slot, inside an equation's code. */
        public INDArray g(String slot) {
            Equation.Slot k = new Equation.Slot(slot, true);
            Tensor t = touch(k);
            INDArray g = pinned != null ? pinned.get(k) : t.g();
            if (g == null) throw new IllegalStateException(name + ": " + slot + ".g is not set yet");
            return g;
        }

        /**
         * The array the running equation's left side is written into, of the given shape, in the
         * dtype of the call's first argument: lent by the model (reused between its calls), or new.
         * Code fills it with {@link Gemm#mmul(INDArray, boolean, INDArray, boolean, java.util.function.Function)}
         * or an op with an output, instead of allocating a result and copying it.
         */
        public INDArray into(long... shape) {
            if (running == null) throw new IllegalStateException(name + ": into() is for an equation's code");
            return outputs.get(name, running.writes().name() + (running.writes().grad() ? ".g" : ""),
                    args[0].value().dataType(), shape);
        }

        /** A forward equation: the left side's value is what {@code code} returns. */
        public void out(String template, Supplier<INDArray> code) { run(template, code, false); }

        /** A backward equation: the left side's {@code .g} is what {@code code} returns. */
        public void grad(String template, Supplier<INDArray> code) { run(template, code, true); }

        /** An update equation ({@code {w} -= lr * {w}.g}): the slot's new value is what {@code code} returns. */
        void update(String template, Supplier<INDArray> code) {
            if (!Equation.parse(template).update()) throw new IllegalArgumentException(name + ": update() needs ' -= ': " + template);
            run(template, code, false);
        }

        /**
         * A backward equation whose {@code .g} is computed only when someone first reads it
         * ({@link TensorRef#onDemand}), from the arrays it reads now: for a gradient that is costly,
         * large and rarely looked at ({@code x.g}). The slot's tensor gets no {@code .g}; the
         * trace's line has it. With arrays the model lends (reused between calls, so what the
         * equation reads is written over by a later call) it runs at once, as {@link #grad} does.
         */
        public void gradOnDemand(String template, Supplier<INDArray> code) {
            if (outputs != OutputArrays.FRESH) { grad(template, code); return; }
            Equation e = checked(template, true);
            List<TensorRef> reads = e.reads().stream().map(this::ref).toList();
            Map<Equation.Slot, INDArray> arrays = new java.util.HashMap<>();
            for (int i = 0; i < reads.size(); i++) arrays.put(e.reads().get(i), reads.get(i).array());
            Tensor target = slot(e.writes().name());
            Supplier<INDArray> later = () -> {
                synchronized (this) {
                    pinned = arrays;
                    try {
                        return evaluate(e, template, code);
                    } finally {
                        pinned = null;
                    }
                }
            };
            lines.add(new TraceStep.Line(e.notebook(), e.bind(sl -> slot(sl).name()), reads,
                    TensorRef.onDemand(target.name(), true, target.value().shape(), later), 0));
        }

        private Equation checked(String template, boolean grad) {
            Equation e = Equation.parse(template);
            if (e.update() != (phase == TraceStep.Phase.UPDATE)) {
                throw new IllegalArgumentException(name + ": only an update step may use ' -= ': " + template);
            }
            if (e.writes().grad() != grad) {
                throw new IllegalArgumentException(name + ": " + (grad ? "grad" : "out") + "() must write "
                        + (grad ? "a .g" : "a value") + ": " + template);
            }
            return e;
        }

        /** Runs an equation's code, checking it read exactly the tensors its template names. */
        private INDArray evaluate(Equation e, String template, Supplier<INDArray> code) {
            touched = new LinkedHashSet<>();
            running = e;
            INDArray result = code.get();
            running = null;
            if (!touched.equals(new LinkedHashSet<>(e.reads()))) {
                throw new IllegalStateException(name + ": the code of '" + template + "' read "
                        + touched + " but its template names " + e.reads());
            }
            touched = null;
            return result;
        }

        private void run(String template, Supplier<INDArray> code, boolean grad) {
            Equation e = checked(template, grad);
            long t0 = System.nanoTime();
            INDArray result = evaluate(e, template, code);
            long nanos = System.nanoTime() - t0;
            List<TensorRef> reads = e.reads().stream().map(this::ref).toList();
            Tensor target = slot(e.writes().name());
            if (grad) target.setG(result); else target.setValue(result);
            lines.add(new TraceStep.Line(e.notebook(), e.bind(s -> slot(s).name()), reads,
                    new TensorRef(target.name(), grad, result), nanos));
        }

        private Tensor touch(Equation.Slot s) {
            if (touched == null) throw new IllegalStateException(name + ": tensors are read inside an equation's code");
            touched.add(s);
            return slot(s.name());
        }

        private TensorRef ref(Equation.Slot s) {
            Tensor t = slot(s.name());
            return new TensorRef(t.name(), s.grad(), s.grad() ? t.g() : t.value());
        }

        private TraceStep record() {
            if (phase == TraceStep.Phase.FORWARD && out.value() == null) throw new IllegalStateException(name + ": forward wrote no {out}");
            long batch = args[0].value().rank() == 0 ? 1 : args[0].value().size(0);
            return new TraceStep(phase, name, List.copyOf(lines), batch, reluShift());
        }
    }
}
