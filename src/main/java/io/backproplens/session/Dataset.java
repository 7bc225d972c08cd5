package io.backproplens.session;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's data after {@code normalize(x, train_mean, train_std)}: both splits are normalised
 * with the training set's statistics, never their own.
 *
 * @param rawTrainMean mean of x_train before normalising (0.1304 for MNIST)
 * @param rawTrainStd  std of x_train before normalising (0.3073 for MNIST)
 */
public record Dataset(INDArray xTrain, INDArray yTrain, INDArray xValid, INDArray yValid,
                      double rawTrainMean, double rawTrainStd, String source) {

    public int trainRows() { return (int) xTrain.size(0); }

    public int validRows() { return (int) xValid.size(0); }
}
