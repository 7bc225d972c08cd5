package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One tensor a trace step read or wrote: either a value ({@code w1}) or a gradient ({@code w1.g}).
 * It holds the very array the engine produced, so a view of an earlier step shows exactly what
 * existed then without recomputing anything (the engine never mutates an array after writing it).
 */
public record TensorRef(String tensorName, boolean grad, INDArray array) {

    /** {@code w1} or {@code w1.g}, as the notebook writes them. */
    public String label() { return grad ? tensorName + ".g" : tensorName; }

    public long[] shape() { return array.shape(); }

    public String shapeText() { return Tensor.shapeText(array.shape()); }

    @Override
    public String toString() { return label() + " " + shapeText(); }
}
