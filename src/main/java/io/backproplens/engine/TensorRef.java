package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.Supplier;

/**
 * One tensor a trace step read or wrote: either a value ({@code w1}) or a gradient ({@code w1.g}).
 * It holds the very array the engine produced, so a view of an earlier step shows exactly what
 * existed then without recomputing anything (the engine never mutates an array after writing it).
 *
 * <p>A tensor written {@linkplain #onDemand on demand} ({@code x.g}, 157 MB at 50,000x784, shown
 * only when someone opens it) knows its shape at once and computes its array the first time
 * {@link #array()} is asked, from the arrays its equation read when the pass ran.
 *
 * @param array the array, or null while an on-demand tensor has not been computed
 * @param later how an on-demand tensor is computed, or null
 */
public record TensorRef(String tensorName, boolean grad, INDArray array, Later later) {

    public TensorRef(String tensorName, boolean grad, INDArray array) {
        this(tensorName, grad, array, null);
    }

    /** A tensor of this shape whose array {@code compute} makes when it is first read (once). */
    public static TensorRef onDemand(String tensorName, boolean grad, long[] shape, Supplier<INDArray> compute) {
        return new TensorRef(tensorName, grad, null, new Later(shape.clone(), compute));
    }

    /** The array; an on-demand tensor computes it now (on the calling thread) if no one has yet. */
    @Override
    public INDArray array() { return array != null || later == null ? array : later.get(); }

    /** Whether {@link #array()} returns at once: computed with the pass, or on demand already. */
    public boolean ready() { return later == null || later.done(); }

    /** {@code w1} or {@code w1.g}, as the notebook writes them. */
    public String label() { return grad ? tensorName + ".g" : tensorName; }

    /** The shape, known without computing an on-demand tensor. */
    public long[] shape() { return later == null ? array.shape() : later.shape.clone(); }

    public String shapeText() { return Tensor.shapeText(shape()); }

    /** Whether both name the same array (the same on-demand tensor counts, computed or not). */
    public boolean sameArray(TensorRef other) {
        return other != null && (later != null ? later == other.later : array == other.array);
    }

    @Override
    public String toString() { return label() + " " + shapeText(); }

    /** The computation of an on-demand tensor, run at most once. */
    public static final class Later {
        private final long[] shape;
        private Supplier<INDArray> compute;
        private volatile INDArray value;

        private Later(long[] shape, Supplier<INDArray> compute) {
            this.shape = shape;
            this.compute = compute;
        }

        synchronized INDArray get() {
            if (value == null) {
                value = compute.get();
                compute = null;   // what it read may now be freed with the pass
            }
            return value;
        }

        boolean done() { return value != null; }

        @Override
        public String toString() { return done() ? "computed" : "on demand"; }
    }
}
