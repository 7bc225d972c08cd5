package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Two sets of arrays, used by the model's calls in turn: call k writes into the arrays call k-2
 * wrote, so the arrays of the latest call (its trace, the weights its update wrote) stay as they
 * are during the next call, and an update never writes into the weights its own pass read. Each
 * set lends one array per (module, slot, dtype, shape), made on first use: a training loop
 * allocates its arrays once per batch size.
 */
final class ReusedOutputs implements OutputArrays {
    @SuppressWarnings("unchecked")
    private final Map<String, INDArray>[] sets = new Map[]{new HashMap<>(), new HashMap<>()};
    private int current;

    /** A new call of the model: switch to the other set. */
    void nextCall() { current ^= 1; }

    /**
     * The latest call's arrays, and the ones it read from the call before (the weights that call's
     * update wrote), are the caller's now: forget both sets, so no later call writes into them.
     */
    void keepLatest() {
        sets[0].clear();
        sets[1].clear();
    }

    @Override
    public INDArray get(String module, String label, DataType dtype, long[] shape) {
        String key = module + "\u0000" + label + "\u0000" + dtype + Arrays.toString(shape);
        return sets[current].computeIfAbsent(key, k -> FRESH.get(module, label, dtype, shape));
    }
}
