package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/** The parameters of the notebook's model: {@code w1 (784 x nh), b1 (nh), w2 (nh x 1), b2 (1)}. */
public record Weights(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {

    public static final int INPUTS = 784;
    /** The most hidden units the app offers: 784x1024 weights still draw as tiles and train in seconds. */
    public static final int MAX_NH = 1024;

    /**
     * Seeded weights. The draws come from {@link java.util.Random}, whose sequence is fixed by the
     * Java specification, so the same seed gives the same weights on every machine and JDK;
     * w1 is drawn first, then w2. Biases start at zero, as in the notebook.
     */
    public static Weights init(Init init, int nh, long seed, DataType dtype) {
        if (nh < 1 || nh > MAX_NH) throw new IllegalArgumentException("nh (hidden units) must be between 1 and " + MAX_NH + ", got " + nh);
        return Params.init(init, 1, nh, 1, seed, dtype).weights();
    }

    public int hidden() { return (int) w1.value().size(1); }

    public List<Tensor> all() { return List.of(w1, b1, w2, b2); }

    public void clearGrads() { all().forEach(Tensor::clearG); }
}
