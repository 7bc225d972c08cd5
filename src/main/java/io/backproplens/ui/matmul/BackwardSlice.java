package io.backproplens.ui.matmul;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.TraceStep;
import io.backproplens.matmul.OuterProductReplay;
import io.backproplens.session.PassResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One of a linear layer's backward matmuls, cut from a real pass down to a size a class can
 * watch: the first {@link #SAMPLES} samples, the first few hidden units, and for the 784 pixels
 * of x the few that vary most across those samples. No UI: the numbers are the pass's own.
 *
 * <p>Gradients are around 1e-5 (the loss is a mean over the batch); they are shown multiplied by a
 * power of ten ({@link #gradScale}) so the digits fit a cell. A matmul does not mind: scaling
 * {@code out.g} scales the result by the same factor, and the titles say so.
 *
 * @param kind      which of the three backward formulas
 * @param which     the gradient computed, as the trace names it ({@code w1.g})
 * @param formula   the formula with this layer's names ({@code w1.g = x.t() @ l1.g})
 * @param inpName   the layer input's name ({@code x}); {@code outGName} ({@code l1.g}); {@code wName} ({@code w1})
 * @param inpCols   the input's columns (pixels or hidden units) kept; {@code outCols} the output's
 * @param inp       {@code inp[:S, inpCols]} ({@code S x m}); {@code outG} = {@code out.g[:S, outCols]}
 *                  ({@code S x h}); {@code wT} = {@code w.t()[outCols, inpCols]} ({@code h x m})
 * @param real      the pass's own gradient at the same cells, or null when the slice only holds part
 *                  of each sum (fewer samples or hidden units than the pass)
 * @param note      a sentence on what the slice leaves out, if anything
 */
public record BackwardSlice(Kind kind, String which, String formula, String inpName, String outGName, String wName,
                            int[] inpCols, int[] outCols, int totalSamples, double[][] inp, double[][] outG,
                            double[][] wT, double gradScale, double[][] real, String note) {

    public enum Kind { WEIGHT, INPUT, BIAS }

    public static final int SAMPLES = 4;
    static final int HIDDEN = 3;
    static final int PIXELS = 2;

    public int samples() { return inp.length; }

    /** The gradients this pass can show, in the order the backward pass computes them. */
    public static List<String> available(PassResult pass) {
        List<String> out = new ArrayList<>();
        for (TraceStep s : pass.trace().steps()) {
            if (!isLin(s)) continue;
            for (TensorRef w : s.writes()) out.add(w.label());
        }
        return out;
    }

    private static final String W_GRAD = "w.g = inp.t() @ out.g";

    private static boolean isLin(TraceStep s) {
        return s.phase() == TraceStep.Phase.BACKWARD && s.formulas().contains(W_GRAD);
    }

    /**
     * The slice for {@code which}. A gradient no matmul computes ({@code l1.g}, elementwise in
     * ReLU's backward) gives the matmul whose result it reads; {@code redirect} says so.
     */
    public static BackwardSlice of(PassResult pass, String which) {
        List<TraceStep> steps = pass.trace().steps();
        TraceStep lin = null;
        String target = which;
        String redirect = null;
        for (TraceStep s : steps) {
            if (s.phase() != TraceStep.Phase.BACKWARD) continue;
            boolean writes = s.writes().stream().anyMatch(w -> w.label().equals(which));
            if (!writes) continue;
            if (isLin(s)) {
                lin = s;
            } else {
                // e.g. l1.g = (l1>0).float() * l2.g: show the matmul that made the gradient it reads.
                String read = s.reads().stream().filter(TensorRef::grad).map(TensorRef::label).findFirst().orElse(null);
                for (TraceStep t : steps) {
                    if (isLin(t) && read != null && t.writes().stream().anyMatch(w -> w.label().equals(read))) {
                        lin = t;
                        target = read;
                        redirect = which + " = " + s.bound().get(0).replaceFirst("^[^=]*= ", "")
                                + " is elementwise, not a matmul: here is " + read + ", the matmul it reads.";
                    }
                }
            }
        }
        if (lin == null) {
            List<String> names = available(pass);
            if (names.isEmpty()) throw new IllegalArgumentException("This pass has no linear layer's backward step to show");
            lin = steps.stream().filter(BackwardSlice::isLin).findFirst().orElseThrow();
            target = lin.writes().get(lin.writes().size() - 2).label();
            redirect = "No matmul computes " + which + "; showing " + target + ". Available: " + String.join(", ", names) + ".";
        }
        // By name, not position: w.g = inp.t() @ out.g reads inp and out.g; w itself is read by the
        // forward step (backward reads it only when it computes inp.g).
        TraceStep.Line wLine = lin.lines().stream().filter(l -> l.notebook().equals(W_GRAD)).findFirst().orElseThrow();
        TensorRef outG = wLine.reads().stream().filter(TensorRef::grad).findFirst().orElseThrow();
        TensorRef inp = wLine.reads().stream().filter(r -> !r.grad()).findFirst().orElseThrow();
        String wName = wLine.writes().tensorName(), module = lin.module();
        TensorRef w = steps.stream().filter(t -> t.phase() == TraceStep.Phase.FORWARD && t.module().equals(module))
                .flatMap(t -> t.reads().stream()).filter(r -> r.label().equals(wName)).findFirst().orElseThrow();
        Kind kind = target.equals(w.label() + ".g") ? Kind.WEIGHT : target.equals(inp.label() + ".g") ? Kind.INPUT : Kind.BIAS;
        String formula = formulaFor(lin, target);

        // Only the first samples are read: slice before converting (x can be 50,000 x 784).
        int n = (int) inp.array().size(0);
        int s = Math.min(SAMPLES, n);
        INDArray inpA = firstRows(inp.array(), s), outA = firstRows(outG.array(), s), wA = w.array().castTo(DataType.DOUBLE);
        int[] inCols = inpA.size(1) >= 100 ? busiestPixels(inpA, s, PIXELS) : firstN((int) Math.min(HIDDEN, inpA.size(1)));
        int[] outCols = firstN((int) Math.min(HIDDEN, outA.size(1)));
        double[][] inpS = new double[s][inCols.length], outS = new double[s][outCols.length], wT = new double[outCols.length][inCols.length];
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < inCols.length; c++) inpS[r][c] = inpA.getDouble(r, inCols[c]);
            for (int c = 0; c < outCols.length; c++) outS[r][c] = outA.getDouble(r, outCols[c]);
        }
        for (int h = 0; h < outCols.length; h++)
            for (int m = 0; m < inCols.length; m++) wT[h][m] = wA.getDouble(inCols[m], outCols[h]);

        double max = 0;
        for (double[] row : outS) for (double v : row) max = Math.max(max, Math.abs(v));
        double scale = max > 0 && max < 0.01 ? Math.pow(10, -Math.floor(Math.log10(max))) : 1;

        // Where the slice holds the whole sum, the pass's own numbers must come out; say so.
        double[][] real = null;
        String note;
        boolean allSamples = s == n;
        String samplesNote = "the first " + s + " of " + String.format(Locale.ROOT, "%,d", n) + " samples";
        switch (kind) {
            case WEIGHT -> {
                if (allSamples) real = pick(lin, target, inCols, outCols, false);
                note = allSamples ? null : "The pass's " + target + " sums over all " + String.format(Locale.ROOT, "%,d", n)
                        + " samples: these are the first " + s + " terms.";
            }
            case INPUT -> {
                boolean allHidden = outCols.length == outA.size(1);
                if (allHidden) real = pick(lin, target, new int[0], inCols, true);
                note = allHidden ? null : "The pass's " + target + " sums over all " + outA.size(1) + " hidden units: these are the first "
                        + outCols.length + " terms.";
            }
            default -> {
                if (allSamples) real = pick(lin, target, new int[0], outCols, false);
                note = allSamples ? null : "The pass's " + target + " sums all " + String.format(Locale.ROOT, "%,d", n)
                        + " rows of " + outG.label() + ": these are the first " + s + ".";
            }
        }
        if (redirect != null) note = note == null ? redirect : redirect + " " + note;
        return new BackwardSlice(kind, target, formula, inp.label(), outG.label(), w.label(), inCols, outCols, n,
                inpS, outS, wT, scale, real, note == null ? samplesNote + "." : note);
    }

    private static String formulaFor(TraceStep lin, String target) {
        for (String f : lin.bound()) if (f.startsWith(target + " =")) return f;
        return target;
    }

    /** The pass's own gradient at the slice's cells (rows of the first samples for inp.g/b.g). */
    private static double[][] pick(TraceStep lin, String label, int[] rows, int[] cols, boolean sampleRows) {
        INDArray g = lin.writes().stream().filter(x -> x.label().equals(label)).findFirst().orElseThrow().array();
        g = sampleRows ? firstRows(g, (int) Math.min(SAMPLES, g.size(0))) : g.castTo(DataType.DOUBLE);
        if (g.rank() == 1) {
            double[][] out = new double[1][cols.length];
            for (int c = 0; c < cols.length; c++) out[0][c] = g.getDouble(cols[c]);
            return out;
        }
        if (sampleRows) {
            int s = (int) Math.min(SAMPLES, g.size(0));
            double[][] out = new double[s][cols.length];
            for (int r = 0; r < s; r++) for (int c = 0; c < cols.length; c++) out[r][c] = g.getDouble(r, cols[c]);
            return out;
        }
        double[][] out = new double[rows.length][cols.length];
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < cols.length; c++) out[r][c] = g.getDouble(rows[r], cols[c]);
        return out;
    }

    /** Rows {@code 0..rows-1} of a matrix, as doubles. */
    private static INDArray firstRows(INDArray a, int rows) {
        return a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, rows), org.nd4j.linalg.indexing.NDArrayIndex.all())
                .castTo(DataType.DOUBLE);
    }

    private static int[] firstN(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** The k pixels whose values differ most across the first s samples (ink in some, not all). */
    private static int[] busiestPixels(INDArray x, int s, int k) {
        int width = (int) x.size(1);
        double[] spread = new double[width];
        for (int p = 0; p < width; p++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int r = 0; r < s; r++) {
                double v = x.getDouble(r, p);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            spread[p] = hi - lo;
        }
        Integer[] order = new Integer[width];
        for (int p = 0; p < width; p++) order[p] = p;
        Arrays.sort(order, (p, q) -> spread[q] != spread[p] ? Double.compare(spread[q], spread[p]) : Integer.compare(p, q));
        int[] pick = new int[k];
        for (int i = 0; i < k; i++) pick[i] = order[i];
        Arrays.sort(pick);
        return pick;
    }

    // ---- the matmul this slice is, as a and b ---------------------------------------------

    /** The matmul's left operand, as shown (gradients scaled by {@link #gradScale}). */
    public double[][] a() {
        return switch (kind) {
            case WEIGHT -> OuterProductReplay.transpose(inp);
            case INPUT -> scaled(outG);
            case BIAS -> scaled(outG);
        };
    }

    /** The matmul's right operand, as shown; null for b.g (a sum, not a matmul). */
    public double[][] b() {
        return switch (kind) {
            case WEIGHT -> scaled(outG);
            case INPUT -> wT;
            case BIAS -> null;
        };
    }

    public String aName() {
        return switch (kind) {
            case WEIGHT -> inpName + ".t()";
            case INPUT, BIAS -> outGName + scaleText();
        };
    }

    public String bName() {
        return kind == Kind.WEIGHT ? outGName + scaleText() : wName + ".t()";
    }

    public String resultName() { return which + scaleText(); }

    /** {@code " ×1e5"} when gradients are shown scaled, else empty. */
    public String scaleText() {
        if (gradScale == 1) return "";
        return " \u00d71e" + Math.round(Math.log10(gradScale));
    }

    /** What the slice's rows and columns are, in words. */
    public String describe() {
        String in = inpCols.length == PIXELS && inpName.equals("x")
                ? "pixels " + pixelList() : inpName + "'s columns " + range(inpCols);
        String out = outGName + "'s columns " + range(outCols);
        String samples = "the first " + samples() + " samples";
        return switch (kind) {
            case WEIGHT -> "Slice: " + in + "; " + samples + "; " + out + ".";
            case INPUT -> "Slice: " + samples + "; " + out + "; " + in + ".";
            case BIAS -> "Slice: " + samples + "; " + out + ".";
        };
    }

    /** The index of the input's kept columns, as Python writes it: {@code [160, 161]} or {@code 0:3}. */
    public String inpIndex() { return index(inpCols); }

    /** The index of the output's kept columns: {@code 0:3}. */
    public String outIndex() { return index(outCols); }

    private static String index(int[] cols) {
        boolean run = true;
        for (int i = 1; i < cols.length; i++) run &= cols[i] == cols[i - 1] + 1;
        if (run && cols[0] == 0) return ":" + cols.length;
        if (run) return cols[0] + ":" + (cols[cols.length - 1] + 1);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < cols.length; i++) s.append(i > 0 ? ", " : "").append(cols[i]);
        return s.append(']').toString();
    }

    private String pixelList() {
        StringBuilder s = new StringBuilder();
        for (int p : inpCols) {
            if (!s.isEmpty()) s.append(", ");
            s.append(p).append(" (").append(p / 28).append(',').append(p % 28).append(')');
        }
        return s.toString();
    }

    private static String range(int[] cols) {
        return cols.length == 1 ? Integer.toString(cols[0]) : cols[0] + "\u2013" + cols[cols.length - 1];
    }

    double[][] scaled(double[][] m) {
        double[][] s = new double[m.length][m[0].length];
        for (int r = 0; r < m.length; r++) for (int c = 0; c < m[0].length; c++) s[r][c] = m[r][c] * gradScale;
        return s;
    }

    /** ND4J's own product on the slice (unscaled), to hold the stepper's result against. */
    public double[][] nd4jResult() {
        INDArray i = Nd4j.createFromArray(inp), o = Nd4j.createFromArray(outG), wt = Nd4j.createFromArray(wT);
        return switch (kind) {
            case WEIGHT -> i.transpose().mmul(o).toDoubleMatrix();
            case INPUT -> o.mmul(wt).toDoubleMatrix();
            case BIAS -> new double[][]{o.sum(0).toDoubleVector()};
        };
    }
}
