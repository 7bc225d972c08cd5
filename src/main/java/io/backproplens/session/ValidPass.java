package io.backproplens.session;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's cells 44-49 on x_valid for one set of settings, without the training pass:
 * {@code lin1 = x_valid @ w1 + b1}, {@code relu = lin1.clamp_min(0.) - shift},
 * {@code lin2 = relu @ w2 + b2}. What the activation histograms and the init comparison need.
 */
public record ValidPass(Settings settings, INDArray lin1, INDArray relu, INDArray lin2) {
}
