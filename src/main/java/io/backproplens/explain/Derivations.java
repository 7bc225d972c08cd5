package io.backproplens.explain;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Derives any element of any {@code .g} of a recorded pass one scalar at a time, from the tensors the
 * trace kept, independently of the matrix code that computed it: the answer to the notebook's "I have
 * no idea how w.g and b.g was calculated", with the real numbers. The equations are recognised by
 * their notebook text; a test checks that every gradient of the notebook's model is covered.
 */
public final class Derivations {
    /** How many terms a derivation spells out; the rest are summed. */
    public static final int SHOWN_TERMS = 5;

    private Derivations() {}

    /** The derivation of {@code label[index]} ({@code "w1.g"}, {@code {3, 7}}) in {@code trace}. */
    public static Derivation of(Trace trace, String label, long... index) { return derive(line(trace, label), index); }

    /** The backward equation that writes {@code label}. */
    static TraceStep.Line line(Trace trace, String label) {
        for (TraceStep s : trace.steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            for (TraceStep.Line l : s.lines()) {
                if (l.writes().label().equals(label)) return l;
            }
        }
        throw new IllegalArgumentException("no backward step writes " + label);
    }

    private static Derivation derive(TraceStep.Line l, long[] index) {
        TensorRef g = l.writes();
        check(g, index);
        String el = g.label() + idx(index);
        double engine = g.array().getDouble(index);
        switch (l.notebook()) {
            case "w.g = inp.t() @ out.g" -> {
                TensorRef inp = value(l), outG = grad(l);
                long k = index[0], j = index[1];
                return sum(el, "dL/d" + g.tensorName() + idx(index) + " = sum_i " + inp.label() + "[i," + k + "] * " + outG.label() + "[i," + j + "]",
                        column(inp.array(), k), column(outG.array(), j), i -> inp.label() + "[" + i + "," + k + "] * " + outG.label() + "[" + i + "," + j + "]",
                        engine, "each of the " + rows(inp) + " rows adds its input " + k + " times the gradient arriving at output " + j
                                + ": the weight's gradient gathers the whole batch, so it is far larger than any one row's share.");
            }
            case "inp.g = out.g @ w.t()" -> {
                TensorRef outG = grad(l), w = value(l);
                long i = index[0], k = index[1];
                return sum(el, "dL/d" + g.tensorName() + idx(index) + " = sum_j " + outG.label() + "[" + i + ",j] * " + w.label() + "[" + k + ",j]",
                        row(outG.array(), i), row(w.array(), k), j -> outG.label() + "[" + i + "," + j + "] * " + w.label() + "[" + k + "," + j + "]",
                        engine, "input " + k + " of row " + i + " feeds every output j through the weight " + w.label() + "[" + k + ",j], so its gradient collects each output's gradient times that weight.");
            }
            case "b.g = out.g.sum(0)" -> {
                TensorRef outG = grad(l);
                long j = index[0];
                double[] col = column(outG.array(), j);
                double[] ones = new double[col.length];
                java.util.Arrays.fill(ones, 1);
                return sum(el, "dL/d" + g.tensorName() + idx(index) + " = sum_i " + outG.label() + "[i," + j + "]", col, ones,
                        i -> outG.label() + "[" + i + "," + j + "]", false, engine,
                        "the bias is added to every row, so its gradient is the column sum of the gradient arriving at output " + j + ".");
            }
            case "inp.g = (inp>0).float() * out.g" -> {
                TensorRef inp = value(l), outG = grad(l);
                double x = inp.array().getDouble(index), up = outG.array().getDouble(index);
                boolean passes = x > 0;
                String term = "(" + inp.label() + idx(index) + " > 0) * " + outG.label() + idx(index);
                return new Derivation(el, "dL/d" + g.tensorName() + idx(index) + " = " + term,
                        List.of(new Derivation.Term(term + " = " + (passes ? "1" : "0") + " * " + num(up), passes ? up : 0, passes ? up : 0)),
                        1, passes ? up : 0, engine, inp.label() + idx(index) + " = " + num(x) + (passes
                                ? " > 0: the ReLU let it through, so the gradient passes unchanged."
                                : " <= 0: the ReLU cut it to 0, so no gradient flows back through it."));
            }
            case "inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0]" -> {
                // The reads come in the template's order: {inp}, then {targ}.
                TensorRef inp = l.reads().get(0), targ = l.reads().get(1);
                long i = index[0], n = targ.array().length();
                double out = inp.array().getDouble(i, 0), y = targ.array().getDouble(i);
                double v = 2 * (out - y) / n;
                String term = "2 * (" + inp.label() + "[" + i + "] - " + targ.label() + "[" + i + "]) / " + n;
                return new Derivation(el, "dL/d" + g.tensorName() + idx(index) + " = " + term,
                        List.of(new Derivation.Term("2 * (" + num(out) + " - " + num(y) + ") / " + n, v, v)), 1, v, engine,
                        "d/d" + inp.label() + " of (" + inp.label() + " - " + targ.label() + ")^2 is 2 (" + inp.label() + " - " + targ.label()
                                + "); written (" + targ.label() + " - " + inp.label() + ")^2 the loss is the same and so is the gradient: -2 ("
                                + num(y) + " - " + num(out) + ") = 2 (" + num(out) + " - " + num(y) + "). The square's derivative carries the sign.");
            }
            default -> throw new IllegalArgumentException("no derivation for " + l.bound());
        }
    }

    /** A sum of products {@code a[t] * b[t]}, the first terms spelled out. */
    private static Derivation sum(String element, String rule, double[] a, double[] b, LongFunction<String> name,
                                  double engine, String note) {
        return sum(element, rule, a, b, name, true, engine, note);
    }

    /** A sum of {@code a[t] * b[t]}; for a plain sum ({@code product} false) b is all ones and not printed. */
    private static Derivation sum(String element, String rule, double[] a, double[] b, LongFunction<String> name,
                                  boolean product, double engine, String note) {
        List<Derivation.Term> shown = new ArrayList<>();
        double total = 0;
        for (int t = 0; t < a.length; t++) {
            double v = a[t] * b[t];
            total += v;
            if (t < SHOWN_TERMS) {
                String text = name.apply(t) + " = " + num(a[t]) + (product ? " * " + num(b[t]) : "");
                shown.add(new Derivation.Term(text, v, total));
            }
        }
        return new Derivation(element, rule, List.copyOf(shown), a.length, total, engine, note);
    }

    static TensorRef value(TraceStep.Line l) {
        return l.reads().stream().filter(r -> !r.grad()).findFirst().orElseThrow();
    }

    static TensorRef grad(TraceStep.Line l) {
        return l.reads().stream().filter(TensorRef::grad).findFirst().orElseThrow();
    }

    private static double[] column(INDArray a, long c) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.point(c)).castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    private static double[] row(INDArray a, long r) {
        return a.get(NDArrayIndex.point(r), NDArrayIndex.all()).castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    static void check(TensorRef g, long[] index) {
        long[] shape = g.array().shape();
        boolean ok = index.length == shape.length;
        for (int d = 0; ok && d < shape.length; d++) ok = index[d] >= 0 && index[d] < shape[d];
        if (!ok) throw new IllegalArgumentException(g.label() + idx(index) + " is outside " + g.shapeText());
    }

    private static long rows(TensorRef t) { return t.array().size(0); }

    static String idx(long[] index) {
        StringBuilder b = new StringBuilder("[");
        for (int d = 0; d < index.length; d++) b.append(d == 0 ? "" : ",").append(index[d]);
        return b.append(']').toString();
    }

    /** A number as the derivation prints it: 4 significant digits. */
    static String num(double v) { return String.format(Locale.ROOT, "%.4g", v); }
}
