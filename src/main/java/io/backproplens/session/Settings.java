package io.backproplens.session;

import io.backproplens.engine.Init;
import io.backproplens.engine.Weights;

/**
 * Everything that decides one forward and backward pass. Immutable: a change of any control makes a
 * new Settings and a new pass, so a result always knows exactly what produced it.
 *
 * @param batch rows of the training set in the pass; 0 means all 50,000, as the notebook does
 */
public record Settings(Init init, long seed, int nh, double reluShift, int batch) {

    public static final int MAX_NH = Weights.MAX_NH;
    /** The training set's rows: a batch can be no larger. */
    public static final int MAX_BATCH = 50_000;
    /** ReLU shifts beyond this only push every activation far from 0; the notebook's was 0.5. */
    public static final double MAX_RELU_SHIFT = 10;

    public static Settings defaults() { return new Settings(Init.KAIMING, 42, 50, 0.0, 0); }

    public Settings {
        if (init == null) throw new IllegalArgumentException("init must be " + Init.NAMES);
        if (nh < 1 || nh > MAX_NH) throw new IllegalArgumentException("nh (hidden units) must be between 1 and " + MAX_NH + ", got " + nh);
        if (batch < 0 || batch > MAX_BATCH) throw new IllegalArgumentException("batch must be 0 (the whole training set) or 1 to " + MAX_BATCH + ", got " + batch);
        if (!(Math.abs(reluShift) <= MAX_RELU_SHIFT)) throw new IllegalArgumentException("ReLU shift must be a number from -" + (int) MAX_RELU_SHIFT + " to " + (int) MAX_RELU_SHIFT + ", got " + reluShift);
    }

    public Settings withInit(Init v) { return new Settings(v, seed, nh, reluShift, batch); }
    public Settings withSeed(long v) { return new Settings(init, v, nh, reluShift, batch); }
    public Settings withNh(int v) { return new Settings(init, seed, v, reluShift, batch); }
    public Settings withReluShift(double v) { return new Settings(init, seed, nh, v, batch); }
    public Settings withBatch(int v) { return new Settings(init, seed, nh, reluShift, v); }
}
