package io.backproplens.session;

import io.backproplens.engine.CpuThreads;
import io.backproplens.engine.Head;
import io.backproplens.engine.Lin;
import io.backproplens.engine.Model;
import io.backproplens.engine.Module;
import io.backproplens.engine.Params;
import io.backproplens.engine.Relu;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Weights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the notebook's model on the data for given settings. No UI here: the app calls it from a
 * background task, the command line calls it directly.
 */
public final class Session {
    private final Dataset data;
    private final DataType dtype;
    /**
     * x_train and x_valid as the pass reads them: the data's own row-major arrays (in the
     * session's dtype), not column-major copies. One layout of x_train (157 MB) is held, not two.
     * Measured (docs/performance.md, memory): the trainer's bs-64 batches cost 32% more CPU from
     * a column-major x_train (a batch is then 784 strided pieces instead of one block), while the
     * full-batch pass costs 13% more CPU from a row-major one, and nothing measurable run over row
     * blocks ({@code BlockedPass}).
     */
    private final INDArray trainX;
    private final INDArray validX;

    public Session(Dataset data, DataType dtype) {
        this.data = data;
        this.dtype = dtype;
        this.trainX = typed(data.xTrain(), dtype);
        this.validX = typed(data.xValid(), dtype);
    }

    private static INDArray typed(INDArray x, DataType dtype) { return x.dataType() == dtype ? x : x.castTo(dtype); }

    public Dataset data() { return data; }

    public DataType dtype() { return dtype; }

    /**
     * One forward and backward pass on the first {@code batch} training rows (all when 0). Its
     * trace has {@code x.g}'s equation, but the array (50,000x784, 157 MB, the costliest of the
     * pass's five products) is computed only when someone first reads it ({@code TensorRef#ready}
     * says whether that is still to come): most passes (every init toggle) are never asked for it.
     */
    public PassResult run(Settings s) { return run(s, null); }

    /**
     * As {@link #run(Settings)}, with trained weights instead of the settings' seeded ones (null:
     * those). The pass gets its own tensors on the trained arrays, so its {@code .g} land there and
     * the arrays themselves are only read.
     */
    public PassResult run(Settings s, Trained trained) { return run(s, trained, InputGrad.ON_DEMAND); }
    private enum InputGrad { NONE, ON_DEMAND, NOW }

    /**
     * As {@link #run(Settings)}, without the input's gradient {@code x.g}: for a pass that only
     * its statistics are read from. {@code x.g} is 50,000x784, 157 MB of the ~200 MB a pass
     * writes, and one of its five products (docs/performance.md, memory).
     */
    public PassResult runWithoutInputGrad(Settings s) { return run(s, null, InputGrad.NONE); }

    private PassResult run(Settings s, Trained trained, InputGrad inputGrad) {
        if (trained != null && !trained.startsFrom(s)) throw new IllegalArgumentException("the trained weights started from other settings");
        int n = s.batch() == 0 ? data.trainRows() : Math.min(s.batch(), data.trainRows());
        INDArray x = n == data.trainRows() ? trainX : rows(trainX, n);
        INDArray y = rows(data.yTrain(), n).castTo(dtype);

        Params params = trained == null ? Params.of(Weights.init(s.init(), s.nh(), s.seed(), dtype)) : own(trained.params());
        Head head = trained == null ? Head.MSE : trained.head();
        Model model = Model.stack(params, head, s.reluShift());
        if (inputGrad == InputGrad.ON_DEMAND) model.inputGradOnDemand(); else model.inputGrad(inputGrad == InputGrad.NOW);
        CpuThreads.forNextPass();
        long t0 = System.nanoTime();
        Tensor loss = model.call(new Tensor("x", x), new Tensor("y", y));
        long t1 = System.nanoTime();
        model.backward();
        long t2 = System.nanoTime();

        return new PassResult(s, params, head, model, model.trace(), loss.value().getDouble(0), validLayers(params, head, s),
                t1 - t0, t2 - t1, trained);
    }

    /**
     * Only the layer outputs on x_valid for these settings (same seeded weights as {@link #run}),
     * without the training pass: a few milliseconds instead of a full-batch forward and backward.
     */
    public ValidPass validPass(Settings s) {
        return validForward(s, Weights.init(s.init(), s.nh(), s.seed(), dtype));
    }

    /**
     * Frees now the native arrays a pass wrote (outputs, gradients, the x_valid layers, its seeded
     * weights), for a pass that no one else holds: ND4J frees an array only once the garbage
     * collector finds its Java object dead, and a pass that lived long enough to reach the old
     * generation may wait minutes for that (docs/performance.md, memory). The data arrays stay.
     */
    public void release(PassResult p) {
        if (p.isTrained()) throw new IllegalArgumentException("a trained pass reads the trainer's weights: not this session's to free");
        java.util.Set<INDArray> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        done.add(trainX);
        done.add(validX);
        for (io.backproplens.engine.TraceStep step : p.trace().steps()) {
            for (io.backproplens.engine.TraceStep.Line line : step.lines()) {
                // An on-demand x.g no one asked for has no array to free (and must not be computed now).
                if (line.writes() != null && line.writes().ready()) close(line.writes().array(), done);
                for (io.backproplens.engine.TensorRef r : line.reads()) {
                    // x is the session's; y, the weights and everything else were made for this pass.
                    close(r.array(), done);
                }
            }
        }
        for (Tensor t : p.params().tensors()) close(t.value(), done);
        for (PassResult.ValidLayer v : p.valid()) close(v.value(), done);
    }

    private static void close(INDArray a, java.util.Set<INDArray> done) {
        if (a == null || !done.add(a)) return;
        if (a.isView() || !a.closeable()) return;  // a view's buffer belongs to the array it views
        a.close();
    }

    /** Fresh tensors on the arrays (cast to the session's dtype): a pass's grads never reach the trainer's. */
    private Params own(Params p) {
        return new Params(p.tensors().stream().map(this::own).toList());
    }

    private Tensor own(Tensor t) {
        return new Tensor(t.name(), t.value().dataType() == dtype ? t.value() : t.value().castTo(dtype));
    }

    /** x_valid as the engine uses it (normalised, in the session's dtype; the data's own array when that is the dtype). */
    public INDArray xValid() { return validX; }

    /**
     * The notebook's cells 44-49 on x_valid, computed by a model of the same weights (a second model,
     * so the training pass's modules keep what they stored for their backward).
     */
    private ValidPass validForward(Settings s, Weights w) {
        List<PassResult.ValidLayer> l = validLayers(Params.of(w), Head.MSE, s);
        return new ValidPass(s, l.get(0).value(), l.get(1).value(), l.get(2).value());
    }

    /** Every Lin's and ReLU's output on x_valid, in layer order, from a second model of the same tensors. */
    private List<PassResult.ValidLayer> validLayers(Params p, Head head, Settings s) {
        Model m = Model.stack(p, head, s.reluShift());
        m.forward(new Tensor("x_valid", validX));
        List<PassResult.ValidLayer> out = new ArrayList<>();
        for (Module l : m.layers()) {
            if (l instanceof Lin || l instanceof Relu) out.add(new PassResult.ValidLayer(l.name(), l.out().value()));
        }
        return out;
    }

    /** The first n rows (a copy in the same layout; a view would keep the whole array's strides). */
    private static INDArray rows(INDArray a, int n) {
        if (a.rank() == 1) return a.get(NDArrayIndex.interval(0, n)).dup();
        return a.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup(a.ordering());
    }
}
