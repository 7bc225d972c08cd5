package io.backproplens.session;

import io.backproplens.data.Mnist;
import io.backproplens.data.MnistLoader;
import io.backproplens.data.Normalizer;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the notebook's normalised data: both splits scaled by the training set's mean and std. */
public final class Datasets {
    private Datasets() {}

    /** The MNIST bundled with the app (class path), as the notebook's split. */
    public static Dataset bundled() throws IOException { return normalized(MnistLoader.loadBundled()); }

    /** A directory of IDX files or the notebook's own {@code mnist.pkl.gz}. */
    public static Dataset load(Path path) throws IOException { return normalized(MnistLoader.load(path)); }

    /** {@code normalize(x, train_mean, train_std)} for train and valid, as cells 24-28 do. */
    public static Dataset normalized(Mnist m) {
        Normalizer train = Normalizer.fit(m.xTrain());
        return new Dataset(train.apply(m.xTrain()), m.yTrain(), train.apply(m.xValid()), m.yValid(),
                train.mean(), train.std(), m.source());
    }
}
