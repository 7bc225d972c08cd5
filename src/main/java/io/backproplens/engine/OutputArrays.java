package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a module's equations get the arrays they write into ({@link Module.Step#into}). Fresh by
 * default. Allocating is not free: a new 50,000x50 float array costs ~6 ms here in page faults,
 * more than the ReLU that fills it (docs/performance.md), so a model that is called again and again
 * can lend each write the array it filled last time.
 */
interface OutputArrays {
    /**
     * @param module the module writing
     * @param label  the tensor slot it writes, as the template names it ({@code out}, {@code inp.g})
     */
    INDArray get(String module, String label, DataType dtype, long[] shape);

    /**
     * A new uninitialised column-major array for every write (the layout the engine's products
     * want), in huge pages when large ({@link LargeArrays}: ~0.3 ms instead of ~6 ms at 50,000x50).
     */
    OutputArrays FRESH = (module, label, dtype, shape) -> LargeArrays.uninitialized(dtype, shape, 'f');
}
