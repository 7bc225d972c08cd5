package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.stats.Summary;
import io.backproplens.ui.common.Raster;

/**
 * What the inspector shows for one tensor: its statistics (all elements, in double), its picture and
 * the tensor element behind each of the picture's cells.
 */
public record Inspection(TensorRef ref, InspectMode mode, int sample, Summary summary, Raster raster,
                         TensorPictures.CellIndex index) {
    public String label() { return ref.label(); }

    public String shapeText() { return ref.shapeText(); }

    /**
     * Identity: a record's equals would compare the tensors element by element (INDArray.equals),
     * and JavaFX calls equals on every property change.
     */
    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }
}
