package io.backproplens.cli;

import io.backproplens.data.Mnist;
import io.backproplens.data.MnistLoader;
import io.backproplens.session.Dataset;
import io.backproplens.session.Datasets;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --data PATH}: MNIST from a file or folder instead of the copy bundled with the app. */
final class DataOption {
    @Option(names = "--data", paramLabel = "PATH",
            description = "the notebook's mnist.pkl.gz, or a folder of MNIST IDX files (raw or .gz); "
                    + "default: the MNIST bundled with the app")
    Path path;

    Mnist load() throws IOException {
        return path == null ? MnistLoader.loadBundled() : MnistLoader.load(path);
    }

    /** The chosen MNIST, normalised as the notebook does. */
    Dataset dataset() throws IOException {
        return Datasets.normalized(load());
    }
}
