package io.backproplens.ui.network;

import io.backproplens.engine.TraceStep;

import java.util.List;

/**
 * Where a lesson scene puts the network's step cursor, named by what has been computed rather than
 * by an index, so a deeper model (more layers, more steps) still lands on the same moment.
 */
public enum Moment {
    /** The network's output computed (the last layer's forward step), the loss not yet. */
    OUTPUT,
    /** The loss computed: the forward pass is complete. */
    LOSS,
    /** The backward pass done: every {@code .g} written. */
    END;

    /** This moment's step index in {@code trace}: the loss is the last forward step. */
    public int in(List<TraceStep> trace) {
        int loss = -1;
        for (int i = 0; i < trace.size(); i++) if (trace.get(i).phase() == TraceStep.Phase.FORWARD) loss = i;
        return switch (this) {
            case OUTPUT -> loss - 1;
            case LOSS -> loss;
            case END -> trace.size() - 1;
        };
    }
}
