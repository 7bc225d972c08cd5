package io.backproplens.session;

import io.backproplens.data.Mnist;
import io.backproplens.data.MnistLoader;
import io.backproplens.data.Normalizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Builds the notebook's normalised {@link Dataset} from {@link Mnist}: both splits are normalised
 * with the training set's mean and std (computed in double), as {@code normalize(x, train_mean,
 * train_std)} does in the notebook. The command line and the app both come through here, so they
 * always show the same numbers.
 */
public final class Datasets {
    private Datasets() {}

    public static Dataset normalized(Mnist m) {
        Normalizer n = Normalizer.fit(m.xTrain());
        return new Dataset(n.apply(m.xTrain()), m.yTrain(), n.apply(m.xValid()), m.yValid(),
                n.mean(), n.std(), m.source());
    }

    /** The MNIST bundled with the app (class-path resources), normalised. */
    public static Dataset bundled() throws IOException {
        return normalizedFreeingRaw(MnistLoader.loadBundled());
    }

    /** A directory of IDX files or the notebook's {@code mnist.pkl.gz}, normalised. */
    public static Dataset load(Path path) throws IOException {
        return normalizedFreeingRaw(MnistLoader.load(path));
    }

    /**
     * Normalises data no one else holds, then frees at once what the Dataset does not keep: the
     * raw x of every split and the test split (220 MB of native memory that otherwise waited for
     * the garbage collector; docs/performance.md, memory).
     */
    private static Dataset normalizedFreeingRaw(Mnist m) {
        Dataset d = normalized(m);
        for (org.nd4j.linalg.api.ndarray.INDArray raw : new org.nd4j.linalg.api.ndarray.INDArray[]{m.xTrain(), m.xValid(), m.xTest(), m.yTest()}) {
            if (raw != d.yTrain() && raw != d.yValid() && !raw.isView() && raw.closeable()) raw.close();
        }
        return d;
    }
}
