package io.backproplens.session;

import io.backproplens.engine.Weights;

/**
 * Weights a training run arrived at, with the settings it started from: the pass of {@code from}
 * with its seeded weights is the "initial" model, the pass of {@code from} with {@link #weights} the
 * "trained" one. Only the notebook's network (one hidden layer, one output) fits here, because
 * that is what the Network and Activations views draw.
 *
 * @param from    init, seed, nh and ReLU shift the run started from (its batch is not used)
 * @param batches mini-batches trained
 * @param what    how it was trained, for captions ({@code "200 batches of 64, lr 0.01"})
 */
public record Trained(Weights weights, Settings from, long batches, String what) {
    public Trained {
        if (weights.w2().value().size(1) != 1) throw new IllegalArgumentException("the views draw one output, this model has " + weights.w2().value().size(1));
        if (weights.hidden() != from.nh()) throw new IllegalArgumentException("nh " + from.nh() + " but w1 has " + weights.hidden() + " columns");
    }

    /** Whether these settings start the run that made these weights (the batch may differ). */
    public boolean startsFrom(Settings s) {
        return s.init() == from.init() && s.seed() == from.seed() && s.nh() == from.nh() && s.reluShift() == from.reluShift();
    }

    /** The settings with this run's init, seed, nh and ReLU shift, and {@code s}'s batch. */
    public Settings applyTo(Settings s) { return from.withBatch(s.batch()); }
}
