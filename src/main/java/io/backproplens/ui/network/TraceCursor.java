package io.backproplens.ui.network;

import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the network view shows at a position of the trace, as plain data (no JavaFX, so it is
 * tested alone): the step's title, the tensors that exist after it, what it reads and writes, and
 * its formulas with the shapes that flow through them. Step -1 is "before the first step".
 */
public final class TraceCursor {
    private final Trace trace;

    public TraceCursor(Trace trace) { this.trace = trace; }

    public Trace trace() { return trace; }

    /** Steps in the trace (8 for the notebook's model: 4 forward, 4 backward). */
    public int size() { return trace.size(); }

    /** The step at {@code i}, or null before the first. */
    public TraceStep step(int i) { return i < 0 || i >= trace.size() ? null : trace.get(i); }

    /** {@code Step 6 of 8: lin2, backward}, or what is on screen before the first step. */
    public String title(int i) {
        TraceStep s = step(i);
        if (s == null) return "Before the pass: input, target, initial weights";
        String phase = s.phase() == TraceStep.Phase.FORWARD ? "forward" : "backward";
        return "Step " + (i + 1) + " of " + trace.size() + ": " + s.module() + ", " + phase;
    }

    /** Every tensor (value or .g) that exists after step {@code i}, by label, in order of appearance. */
    public Map<String, TensorRef> offered(int i) { return trace.tensorsAfter(i); }

    public Set<String> reads(int i) { return labels(step(i) == null ? List.of() : step(i).reads()); }

    public Set<String> writes(int i) { return labels(step(i) == null ? List.of() : step(i).writes()); }

    /** The module that runs at step {@code i} ({@code lin1, relu, lin2, mse}), or null. */
    public String module(int i) { return step(i) == null ? null : step(i).module(); }

    /** The first step whose module is {@code module} in the given phase, or -1. */
    public int indexOf(String module, TraceStep.Phase phase) {
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).module().equals(module) && trace.get(i).phase() == phase) return i;
        }
        return -1;
    }

    /**
     * One formula of a step: the notebook's code ({@code inp.g = out.g @ w.t()}), the same with this
     * model's names ({@code l2.g = out.g @ w2.t()}), and under it, aligned token by token, the shapes
     * of the tensors it names ({@code 50000x50   50000x1   1x50}).
     */
    public record Formula(String notebook, String bound, String boundAligned, String shapesAligned) {}

    public List<Formula> formulas(int i) { return formulas(i, offered(i)); }

    /**
     * The formulas of step {@code i} with the shapes of the {@code known} tensors only (predict mode
     * passes what existed before the step, so the shapes it produces are left for the class to guess).
     */
    public List<Formula> formulas(int i, Map<String, TensorRef> known) {
        TraceStep s = step(i);
        if (s == null) return List.of();
        List<Formula> out = new ArrayList<>();
        for (int k = 0; k < s.formulas().size(); k++) {
            String bound = s.bound().get(k);
            String[] aligned = alignShapes(bound, known);
            out.add(new Formula(s.formulas().get(k), bound, aligned[0], aligned[1]));
        }
        return out;
    }

    // A tensor name, not after a dot (so not a method like .sum), with its optional .g and .t().
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)(\\.g)?(\\.t\\(\\))?");

    /**
     * The formula and a second line holding, under each tensor it names, that tensor's shape
     * (transposed for {@code .t()}). The formula is widened only where a shape would run into the
     * next one (two spaces apart at least), so it stays as close to the notebook's text as it can.
     */
    static String[] alignShapes(String formula, Map<String, TensorRef> known) {
        StringBuilder top = new StringBuilder(), bottom = new StringBuilder();
        Matcher m = TOKEN.matcher(formula);
        int at = 0, prevEnd = 0;
        while (m.find()) {
            String label = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            TensorRef ref = known.get(label);
            if (ref == null) continue;
            top.append(formula, at, m.start());
            // Room for the previous shape: widen the gap right after the previous tensor, so the
            // operators stay next to the operand they apply to ("x        @ w1.t()").
            if (bottom.length() > 0 && top.length() < bottom.length() + 2) {
                top.insert(prevEnd, " ".repeat(bottom.length() + 2 - top.length()));
            }
            long[] shape = ref.shape();
            if (m.group(3) != null && shape.length == 2) shape = new long[]{shape[1], shape[0]};
            bottom.append(" ".repeat(top.length() - bottom.length())).append(Tensor.shapeText(shape));
            top.append(m.group());
            prevEnd = top.length();
            at = m.end();
        }
        top.append(formula.substring(at));
        return new String[]{top.toString(), bottom.toString()};
    }

    private static Set<String> labels(List<TensorRef> refs) {
        Set<String> s = new LinkedHashSet<>();
        for (TensorRef r : refs) s.add(r.label());
        return s;
    }
}
