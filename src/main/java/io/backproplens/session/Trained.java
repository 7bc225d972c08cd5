package io.backproplens.session;

import io.backproplens.engine.Head;
import io.backproplens.engine.Params;

/**
 * Weights a training run arrived at, with the settings it started from: the pass of {@code from}
 * with its seeded weights is the "initial" model (the notebook's network), the pass of the trained
 * stack ({@link #params}: depth 1 to 8 hidden layers, either head) the "trained" one.
 *
 * @param from    init, seed, nh and ReLU shift the run started from (its batch is not used)
 * @param batches mini-batches trained
 * @param what    how it was trained, for captions ({@code "200 batches of 64, lr 0.01"})
 * @param chosen  which of several models trained side by side this is, and why this one
 *                ({@code "of the init race (randn, Kaiming), the Kaiming model: the lowest ..."}), or "" for a single run
 */
public record Trained(Params params, Head head, Settings from, long batches, String what, String chosen) {
    /** The one model of a single run. */
    public Trained(Params params, Head head, Settings from, long batches, String what) {
        this(params, head, from, batches, what, "");
    }

    public Trained {
        chosen = chosen == null ? "" : chosen;
        if (params.outputs() != head.outputs()) throw new IllegalArgumentException("head " + head + " takes " + head.outputs() + " outputs, this model has " + params.outputs());
        if (params.hidden() != from.nh()) throw new IllegalArgumentException("nh " + from.nh() + " but w1 has " + params.hidden() + " columns");
    }

    /** Whether these settings start the run that made these weights (the batch may differ). */
    public boolean startsFrom(Settings s) {
        return s.init() == from.init() && s.seed() == from.seed() && s.nh() == from.nh() && s.reluShift() == from.reluShift();
    }

    /** The settings with this run's init, seed, nh and ReLU shift, and {@code s}'s batch. */
    public Settings applyTo(Settings s) { return from.withBatch(s.batch()); }

    /** Whether this is the notebook's network (head mse, one hidden layer), the model the initial pass runs. */
    public boolean isNotebook() { return head == Head.MSE && params.depth() == 1; }

    /**
     * {@code "head ce, depth 2, nh 50"}: the model's shape, for tooltips and captions; then, for one
     * model of several (the init race's), which one and why.
     */
    public String model() {
        return "head " + head + ", depth " + params.depth() + ", nh " + params.hidden() + (chosen.isEmpty() ? "" : "; " + chosen);
    }
}
