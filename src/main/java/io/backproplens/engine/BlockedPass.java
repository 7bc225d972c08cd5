package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The full-batch forward and backward of a {@link Model} run over row blocks, so each block of x
 * is read from memory once and is still in cache when {@code w1.g = x.t() @ l1.g} needs it again.
 * The modules are the notebook's, unchanged: for each block the model's layers run forward, the
 * loss gives the block's {@code out.g}, and the layers run backward. This is exact because for the
 * MSE each row's {@code out.g} depends on that row alone: the loss's {@code 2*(out-y)/rows} is
 * rescaled from the block's rows to the batch's, after which every gradient is a sum over rows,
 * so the parameters' {@code .g} are the blocks' sums and the loss is the rows-weighted mean.
 *
 * <p>The trace is the whole batch's, one step per module as in the notebook: each step's
 * per-row arrays ({@code l1, l2, out} and their {@code .g}) are assembled from the blocks, the
 * parameters' {@code .g} are the sums, and each equation's time is the sum of its blocks' times.
 */
public final class BlockedPass {
    private final Model model;
    private final int blockRows;

    /** @param blockRows rows per block; the last block takes what is left */
    public BlockedPass(Model model, int blockRows) {
        if (blockRows < 1) throw new IllegalArgumentException("a block needs at least one row, got " + blockRows);
        this.model = model;
        this.blockRows = blockRows;
    }

    /**
     * {@code model(x, y); model.backward()} over row blocks: returns the loss, sets each parameter's
     * {@code .g} and the model's trace, as the unblocked call and backward do.
     */
    public Tensor run(Tensor x, Tensor y) {
        long n = x.value().size(0);
        if (y.value().length() != n) {
            throw new IllegalArgumentException("targets " + Tensor.shapeText(y.value().shape()) + " do not fit "
                    + Tensor.shapeText(x.value().shape()) + " inputs");
        }
        List<Module> modules = new ArrayList<>(model.layers());
        modules.add(model.loss());
        Map<String, Tensor> params = model.params().stream().collect(Collectors.toMap(Tensor::name, t -> t));
        params.values().forEach(Tensor::clearG);
        // Each block writes into the same scratch arrays (they are copied out into the batch's arrays
        // step by step, while still in cache); the last, shorter block gets arrays of its own.
        OutputArrays scratch = new ReusedOutputs();
        Assembly a = new Assembly(n, params.keySet(), model.loss().name());
        for (long r0 = 0; r0 < n; r0 += blockRows) {
            long r1 = Math.min(n, r0 + blockRows);
            a.startBlock(r0, r1);
            for (Module m : modules) {
                m.recordTo(a::add);
                m.outputsFrom(scratch);
            }
            Tensor xb = new Tensor(x.name(), rows(x.value(), r0, r1));
            Tensor yb = new Tensor(y.name(), rows(y.value(), r0, r1));
            model.loss().call(model.forward(xb), yb);
            model.backward();
        }
        Trace trace = a.trace(x, y);
        for (Map.Entry<String, INDArray> g : a.sums.entrySet()) params.get(g.getKey()).setG(g.getValue());
        model.setTrace(trace);
        return new Tensor(a.lossName, a.loss(x.value()));
    }

    private static INDArray rows(INDArray a, long r0, long r1) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        idx[0] = NDArrayIndex.interval(r0, r1);
        for (int d = 1; d < idx.length; d++) idx[d] = NDArrayIndex.all();
        return a.get(idx);
    }

    /** Collects the blocks' steps into the whole batch's. */
    private static final class Assembly {
        private final long n;
        private final Set<String> paramNames;
        private final String lossModule;
        private final List<TraceStep> firstBlock = new ArrayList<>();
        private final List<long[]> nanos = new ArrayList<>();
        /** The batch's per-row arrays and the parameters' summed gradients, by label ({@code l1}, {@code w1.g}). */
        private final Map<String, INDArray> whole = new HashMap<>();
        private final Map<String, INDArray> sums = new HashMap<>();
        private String lossName;
        private double lossSum;
        private long r0, r1;
        private int step;

        Assembly(long n, Set<String> paramNames, String lossModule) {
            this.n = n;
            this.paramNames = paramNames;
            this.lossModule = lossModule;
        }

        void startBlock(long r0, long r1) {
            this.r0 = r0;
            this.r1 = r1;
            this.step = 0;
        }

        void add(TraceStep s) {
            boolean first = r0 == 0;
            if (first) {
                firstBlock.add(s);
                nanos.add(new long[s.lines().size()]);
            }
            boolean lossBackward = s.module().equals(lossModule) && s.phase() == TraceStep.Phase.BACKWARD;
            for (int l = 0; l < s.lines().size(); l++) {
                TraceStep.Line line = s.lines().get(l);
                nanos.get(step)[l] += line.nanos();
                TensorRef w = line.writes();
                INDArray v = w.array();
                if (w.grad() && paramNames.contains(w.tensorName())) {
                    INDArray sum = sums.get(w.tensorName());
                    if (sum == null) sums.put(w.tensorName(), v.dup());
                    else sum.addi(v);
                } else if (!w.grad() && s.module().equals(lossModule)) {
                    lossName = w.tensorName();
                    lossSum += v.getDouble(0) * (r1 - r0);
                } else {
                    // The loss's gradient is the block's mean's: rescaled to the batch's before the
                    // layers' backward reads it (it is the same array), so all that follows is exact.
                    if (lossBackward) v.muli((double) (r1 - r0) / n);
                    if (v.size(0) != r1 - r0) {
                        throw new IllegalStateException(s.title() + " wrote " + w + ", not one row per input row");
                    }
                    INDArray all = whole.get(w.label());
                    if (all == null) {
                        long[] shape = v.shape().clone();
                        shape[0] = n;
                        all = LargeArrays.uninitialized(v.dataType(), shape, 'f');
                        whole.put(w.label(), all);
                    }
                    rows(all, r0, r1).assign(v);
                }
            }
            step++;
        }

        INDArray loss(INDArray like) { return Nd4j.scalar(like.dataType(), lossSum / n); }

        /** The batch's trace: the first block's steps with the batch's arrays and the blocks' summed times. */
        Trace trace(Tensor x, Tensor y) {
            Map<String, INDArray> arrays = new HashMap<>(whole);
            sums.forEach((name, g) -> arrays.put(name + ".g", g));
            arrays.put(x.name(), x.value());
            arrays.put(y.name(), y.value());
            Trace t = new Trace();
            for (int k = 0; k < firstBlock.size(); k++) {
                TraceStep s = firstBlock.get(k);
                List<TraceStep.Line> lines = new ArrayList<>();
                for (int l = 0; l < s.lines().size(); l++) {
                    TraceStep.Line line = s.lines().get(l);
                    List<TensorRef> reads = line.reads().stream().map(r -> batch(r, arrays)).toList();
                    TensorRef w = line.writes();
                    TensorRef writes = !w.grad() && s.module().equals(lossModule)
                            ? new TensorRef(w.tensorName(), false, loss(w.array()))
                            : batch(w, arrays);
                    lines.add(new TraceStep.Line(line.notebook(), line.bound(), reads, writes, nanos.get(k)[l]));
                }
                t.add(new TraceStep(s.phase(), s.module(), List.copyOf(lines), n, s.reluShift()));
            }
            return t;
        }

        /** A tensor of the batch: the assembled or summed array, or (a parameter) the array itself. */
        private static TensorRef batch(TensorRef r, Map<String, INDArray> arrays) {
            INDArray a = arrays.get(r.label());
            return a == null ? r : new TensorRef(r.tensorName(), r.grad(), a);
        }
    }
}
