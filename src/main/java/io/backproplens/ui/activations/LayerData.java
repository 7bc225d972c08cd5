package io.backproplens.ui.activations;

import io.backproplens.engine.Tensor;
import io.backproplens.stats.Histogram;
import io.backproplens.stats.Summary;

/**
 * What one histogram panel shows: a tensor's name and formula, its statistics (the engine's
 * {@link Summary}) and its {@link Histogram}. Built in the background, shown on the FX thread.
 *
 * @param key      the tensor's label ({@code relu}, {@code l1.g}): the panel's id is {@code hist-<key>}
 * @param formula  how it is computed, in the notebook's notation
 * @param atomText what the atom means ("exactly 0: clamped by the ReLU"), or null without an atom
 */
public record LayerData(String key, String formula, long[] shape, Summary summary, Histogram histogram, String atomText) {

    public String shapeText() { return Tensor.shapeText(shape); }
}
