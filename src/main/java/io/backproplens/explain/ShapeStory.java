package io.backproplens.explain;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a backward formula's result has the shape it has, from the tensors of this pass: the
 * operands' shapes lined up ({@code (784, 300) @ (300, 50) -> (784, 50)}), the shape the result
 * must have (the parameter's or the input's, since {@code w -= lr * w.g} needs one number per
 * weight), and a few sentences (the batch that the product sums away, the rows {@code sum(0)}
 * adds, the ReLU's mask, the MSE's {@code 2(out-y)/n}). Every shape is read from the arrays.
 *
 * @param formula  the formula with this model's names, {@code w1.g = x.t() @ l1.g}
 * @param operands what it combines, each with its shape as used ({@code x.t()} transposed)
 * @param op       how they combine: {@code "@"}, {@code "*"}, {@code ".sum(0)"}, {@code "-"}
 * @param result   the result, with the shape the operation gives (computed from the operands' shapes)
 * @param target   the tensor whose shape the result must have ({@code w1}), with its shape
 * @param why      the sentences, with this pass's numbers
 */
public record ShapeStory(String formula, List<Operand> operands, String op, Operand result, Operand target, List<String> why) {

    /** A tensor (or an expression of one, {@code x.t()}) and its shape. */
    public record Operand(String name, long[] shape) {
        public String shapeText() { return ShapeStory.shape(shape); }
    }

    /** The operands and the result in one line: {@code (784, 300) @ (300, 50) -> (784, 50)}. */
    public String lineUp() {
        String left = op.startsWith(".") ? operands.get(0).shapeText() + op
                : operands.stream().map(Operand::shapeText).collect(Collectors.joining(" " + op + " "));
        return left + " -> " + result.shapeText();
    }

    /** Whether the result has the target's shape (it always should: the test of the engine). */
    public boolean fits() { return Arrays.equals(result.shape, target.shape); }

    /** The story of every backward line of {@code trace}, in order. */
    public static List<ShapeStory> all(Trace trace) {
        List<ShapeStory> out = new ArrayList<>();
        for (TraceStep s : trace.steps()) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            for (TraceStep.Line l : s.lines()) out.add(of(trace, l));
        }
        return out;
    }

    /** The story of one backward line; a line the app does not know gives an honest minimum. */
    public static ShapeStory of(Trace trace, TraceStep.Line l) {
        TensorRef g = l.writes();
        switch (l.notebook()) {
            case "w.g = inp.t() @ out.g" -> {
                TensorRef inp = Derivations.value(l), outG = Derivations.grad(l);
                long[] it = transposed(inp.shape()), og = outG.shape();
                long b = it[1];
                Operand w = parameter(trace, g);
                return new ShapeStory(l.bound(), List.of(new Operand(inp.label() + ".t()", it), new Operand(outG.label(), og)), "@",
                        new Operand(g.label(), new long[]{it[0], og[1]}), w, List.of(
                        inp.label() + " is (B, " + it[0] + ") with B = " + count(b) + " samples; " + inp.label() + ".t() turns it to ("
                                + it[0] + ", B), so the product's inner dimension is the batch.",
                        "(" + it[0] + ", B) @ (B, " + og[1] + ") -> (" + it[0] + ", " + og[1] + "): the B cancels. Each sample adds its "
                                + "input times its gradient, and the sum over the " + count(b) + " samples leaves no batch dimension.",
                        "(" + it[0] + ", " + og[1] + ") is " + w.name() + "'s shape: one gradient per weight, as " + w.name() + " -= lr * "
                                + g.label() + " needs."));
            }
            case "b.g = out.g.sum(0)" -> {
                TensorRef outG = Derivations.grad(l);
                long[] og = outG.shape();
                Operand bias = parameter(trace, g);
                return new ShapeStory(l.bound(), List.of(new Operand(outG.label(), og)), ".sum(0)",
                        new Operand(g.label(), new long[]{og[1]}), bias, List.of(
                        outG.label() + " is (B, " + og[1] + ") with B = " + count(og[0]) + "; .sum(0) adds its rows: (B, " + og[1]
                                + ") -> (" + og[1] + ",).",
                        "The forward pass broadcast " + bias.name() + " to every one of the B rows (the same bias added to each sample), "
                                + "so every row's gradient flows back to the one bias: a sum over the batch.",
                        "(" + og[1] + ",) is " + bias.name() + "'s shape: one gradient per bias."));
            }
            case "inp.g = out.g @ w.t()" -> {
                TensorRef outG = Derivations.grad(l), w = Derivations.value(l);
                long[] og = outG.shape(), wt = transposed(w.shape());
                TensorRef inp = input(trace, g);
                return new ShapeStory(l.bound(), List.of(new Operand(outG.label(), og), new Operand(w.label() + ".t()", wt)), "@",
                        new Operand(g.label(), new long[]{og[0], wt[1]}), new Operand(inp.label(), inp.shape()), List.of(
                        outG.label() + " is (B, " + og[1] + "), one gradient per sample and output; " + w.label() + ".t() is ("
                                + wt[0] + ", " + wt[1] + "), so the inner dimension is the " + og[1] + " outputs.",
                        "(B, " + og[1] + ") @ (" + wt[0] + ", " + wt[1] + ") -> (B, " + wt[1] + "): each input collects the gradient of "
                                + "every output it fed, times the weight between them.",
                        "(" + count(og[0]) + ", " + wt[1] + ") is " + inp.label() + "'s shape: one gradient per sample and input."));
            }
            case "inp.g = (inp>0).float() * out.g" -> {
                TensorRef inp = Derivations.value(l), outG = Derivations.grad(l);
                long on = inp.array().gt(0).castTo(DataType.DOUBLE).sumNumber().longValue(), all = inp.array().length();
                return new ShapeStory(l.bound(), List.of(new Operand("(" + inp.label() + ">0).float()", inp.shape()),
                        new Operand(outG.label(), outG.shape())), "*", new Operand(g.label(), outG.shape()),
                        new Operand(inp.label(), inp.shape()), List.of(
                        "(" + inp.label() + ">0).float() is the ReLU's mask, " + shape(inp.shape()) + ": 1 where " + inp.label()
                                + " was positive, 0 elsewhere; here " + count(on) + " of " + count(all) + " entries are 1 ("
                                + String.format(Locale.ROOT, "%.1f", 100.0 * on / all) + "%).",
                        "* is elementwise: same shape in, same shape out. The gradient passes unchanged where the ReLU let the value "
                                + "through and is 0 where it cut it (its slope there is 0).",
                        shape(outG.shape()) + " is " + inp.label() + "'s shape: one gradient per pre-activation."));
            }
            case "inp.g = 2*(inp.squeeze()-targ).unsqueeze(-1) / targ.shape[0]" -> {
                TensorRef inp = l.reads().get(0), targ = l.reads().get(1);
                long n = targ.array().size(0);
                long[] squeezed = {inp.shape()[0]};
                return new ShapeStory(l.bound(), List.of(new Operand(inp.label() + ".squeeze()", squeezed),
                        new Operand(targ.label(), targ.shape())), "-", new Operand(g.label(), new long[]{squeezed[0], 1}),
                        new Operand(inp.label(), inp.shape()), List.of(
                        inp.label() + " is " + shape(inp.shape()) + "; .squeeze() makes it " + shape(squeezed) + " to match "
                                + targ.label() + " " + shape(targ.shape()) + " (without it, " + shape(inp.shape()) + " - "
                                + shape(targ.shape()) + " would broadcast to (" + n + ", " + n + ")).",
                        "2 * (" + inp.label() + " - " + targ.label() + ") is the derivative of (" + inp.label() + " - " + targ.label()
                                + ")^2; / targ.shape[0] = / " + count(n) + " because the loss is the mean over the " + count(n) + " samples.",
                        ".unsqueeze(-1) gives back the column: " + shape(squeezed) + " -> (" + squeezed[0] + ", 1), "
                                + inp.label() + "'s shape."));
            }
            default -> {
                return new ShapeStory(l.bound(), l.reads().stream().map(r -> new Operand(r.label(), r.shape())).toList(), "?",
                        new Operand(g.label(), g.shape()), new Operand(g.label(), g.shape()), List.of());
            }
        }
    }

    /** The parameter whose gradient {@code g} is ({@code w1} for {@code w1.g}), as the forward pass read it. */
    private static Operand parameter(Trace trace, TensorRef g) {
        TensorRef p = input(trace, g);
        return new Operand(p.label(), p.shape());
    }

    /** The value whose gradient {@code g} is, from the tensors of the pass. */
    private static TensorRef input(Trace trace, TensorRef g) {
        TensorRef v = trace.tensorsAfter(trace.size() - 1).get(g.tensorName());
        if (v == null) throw new IllegalArgumentException("the pass has no " + g.tensorName());
        return v;
    }

    private static long[] transposed(long[] s) { return s.length == 2 ? new long[]{s[1], s[0]} : s; }

    /** A shape as Python prints a tuple: {@code (784, 50)}, {@code (50,)}. */
    public static String shape(long[] s) {
        if (s.length == 1) return "(" + s[0] + ",)";
        return "(" + Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ")";
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
