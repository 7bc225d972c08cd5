package io.backproplens.train;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.engine.Params;
import io.backproplens.engine.Weights;

/**
 * Everything that decides a training run; the same config gives bit-identical weights and curves.
 *
 * @param depth     hidden Lin+ReLU layers (1 = the notebook's network)
 * @param bs        rows per mini-batch; the last batch of an epoch takes what is left, as the notebook's loop
 * @param shuffle   false: the data's order, as 03_minibatch_training; true: a new order each epoch drawn from {@code seed}
 * @param evalEvery run the validation set every this many batches as well as at each epoch's end (0 = only there)
 */
public record TrainConfig(Head head, int depth, int nh, int epochs, int bs, double lr, Init init, long seed,
                          boolean shuffle, double reluShift, int evalEvery) {

    public static final int MAX_DEPTH = Params.MAX_DEPTH;
    public static final int DEFAULT_BS = 64;

    /**
     * The learning rate that trains each head in one epoch at bs 64: ce takes the notebook's 0.5; mse's
     * gradient is scaled by errors of up to 9 digits: measured on MNIST, 0.05 kills it (valid loss stays at
     * the labels' variance, 8.29), 0.01 reaches 2.05 after one epoch and 1.57 after two.
     */
    public static double defaultLr(Head head) { return head == Head.CE ? 0.5 : 0.01; }

    public static TrainConfig defaults(Head head) {
        return new TrainConfig(head, 1, 50, 1, DEFAULT_BS, defaultLr(head), Init.KAIMING, 42, false, 0, 0);
    }

    public TrainConfig {
        if (head == null) throw new IllegalArgumentException("head must be mse or ce");
        if (init == null) throw new IllegalArgumentException("init must be " + Init.NAMES);
        if (depth < 1 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", got " + depth);
        if (nh < 1 || nh > Weights.MAX_NH) throw new IllegalArgumentException("nh must be between 1 and " + Weights.MAX_NH + ", got " + nh);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (bs < 1) throw new IllegalArgumentException("bs (batch size) must be at least 1, got " + bs);
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("lr must be a positive finite number, got " + lr);
        if (!Double.isFinite(reluShift)) throw new IllegalArgumentException("ReLU shift must be a finite number, got " + reluShift);
        if (evalEvery < 0) throw new IllegalArgumentException("evalEvery must be 0 (epoch ends only) or positive, got " + evalEvery);
    }

    public TrainConfig withHead(Head v) { return new TrainConfig(v, depth, nh, epochs, bs, lr, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withDepth(int v) { return new TrainConfig(head, v, nh, epochs, bs, lr, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withNh(int v) { return new TrainConfig(head, depth, v, epochs, bs, lr, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withEpochs(int v) { return new TrainConfig(head, depth, nh, v, bs, lr, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withBs(int v) { return new TrainConfig(head, depth, nh, epochs, v, lr, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withLr(double v) { return new TrainConfig(head, depth, nh, epochs, bs, v, init, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withInit(Init v) { return new TrainConfig(head, depth, nh, epochs, bs, lr, v, seed, shuffle, reluShift, evalEvery); }
    public TrainConfig withSeed(long v) { return new TrainConfig(head, depth, nh, epochs, bs, lr, init, v, shuffle, reluShift, evalEvery); }
    public TrainConfig withShuffle(boolean v) { return new TrainConfig(head, depth, nh, epochs, bs, lr, init, seed, v, reluShift, evalEvery); }
    public TrainConfig withReluShift(double v) { return new TrainConfig(head, depth, nh, epochs, bs, lr, init, seed, shuffle, v, evalEvery); }
    public TrainConfig withEvalEvery(int v) { return new TrainConfig(head, depth, nh, epochs, bs, lr, init, seed, shuffle, reluShift, v); }
}
