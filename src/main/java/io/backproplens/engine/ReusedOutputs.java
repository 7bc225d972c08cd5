package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Lends each (module, slot) the array it wrote last time, when dtype and shape still match; else a fresh one. */
final class ReusedOutputs implements OutputArrays {
    private final Map<String, INDArray> arrays = new HashMap<>();

    @Override
    public INDArray get(String module, String label, DataType dtype, long[] shape) {
        String key = module + "\u0000" + label;
        INDArray a = arrays.get(key);
        if (a == null || a.dataType() != dtype || !Arrays.equals(a.shape(), shape)) {
            a = FRESH.get(module, label, dtype, shape);
            arrays.put(key, a);
        }
        return a;
    }
}
