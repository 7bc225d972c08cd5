package io.backproplens.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A named value with a gradient slot, the Java form of the notebook's "tensor with a {@code .g}".
 * The engine writes {@code g} during the backward pass; nothing else does.
 */
public final class Tensor {
    private final String name;
    private INDArray value;
    private INDArray g;

    public Tensor(String name, INDArray value) {
        this.name = name;
        this.value = value;
    }

    public String name() { return name; }

    public INDArray value() { return value; }

    /** The gradient of the loss with respect to this tensor, or null before a backward pass. */
    public INDArray g() { return g; }

    void setValue(INDArray value) { this.value = value; }

    void setG(INDArray g) { this.g = g; }

    /** Forgets the gradient, as the notebook's {@code w1.g = None} before a new pass. */
    public void clearG() { this.g = null; }

    public long[] shape() { return value.shape(); }

    /** A shape as the app prints it: {@code 50000x784}; a scalar prints as {@code scalar}. */
    public static String shapeText(long[] shape) {
        if (shape.length == 0) return "scalar";
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    @Override
    public String toString() {
        return name + " " + shapeText(value.shape());
    }
}
