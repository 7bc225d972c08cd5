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

    /** The load {@link #preloadBundled} started, taken by the next {@link #bundled} call; or null. */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Dataset>> PRELOAD =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * The MNIST bundled with the app (class-path resources), normalised. While the file is read
     * and inflated (pure Java), ND4J starts on another thread: its start (native libraries, first
     * array) is 1.5-5 s here, and the arrays the reader then makes wait for it anyway.
     */
    public static Dataset bundled() throws IOException {
        java.util.concurrent.CompletableFuture<Dataset> started = PRELOAD.getAndSet(null);
        if (started != null) {
            try {
                return started.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        startNd4j();
        return normalizedFreeingRaw(MnistLoader.loadBundled());
    }

    /**
     * Starts loading the bundled MNIST now, in the background, for the next {@link #bundled} call
     * to take: the desktop app calls it before JavaFX starts, so the data and ND4J load while the
     * window is built. A failure is the next call's (it throws what the load threw).
     */
    public static void preloadBundled() {
        java.util.concurrent.CompletableFuture<Dataset> f = new java.util.concurrent.CompletableFuture<>();
        if (!PRELOAD.compareAndSet(null, f)) return;
        Thread t = new Thread(() -> {
            try {
                startNd4j();
                f.complete(normalizedFreeingRaw(MnistLoader.loadBundled()));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "lens-preload");
        t.setDaemon(true);
        t.start();
    }

    /** ND4J's start on a thread of its own; whoever needs an array first waits for it (class initialisation). */
    private static void startNd4j() {
        Thread t = new Thread(() -> {
            try {
                org.nd4j.linalg.factory.Nd4j.scalar(0f);
            } catch (Throwable e) {
                // The load itself meets the same failure and reports it.
            }
        }, "lens-nd4j-start");
        t.setDaemon(true);
        t.start();
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
