package io.backproplens.cli;

import io.backproplens.engine.Init;
import io.backproplens.session.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Iterator;
import java.util.List;

/** The options that choose the network: shared by report, gradcheck and export. */
final class ModelOptions {
    @Option(names = "--init", paramLabel = "INIT", converter = InitConverter.class, completionCandidates = InitNames.class,
            description = "weight initialiser: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "notebook = w1 Kaiming, w2 = rand(nh,1)/sqrt(784), what the notebook's loss 24.3061 ran with")
    Init init = Init.KAIMING;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the weights (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--nh", paramLabel = "N", description = "hidden units, 1 to " + Settings.MAX_NH + " (default: ${DEFAULT-VALUE})")
    int nh = 50;

    /** A shift beyond the activations' own scale (about +-5 after normalising) only shows rounding. */
    static final double MAX_RELU_SHIFT = Settings.MAX_RELU_SHIFT;

    @Option(names = "--relu-shift", paramLabel = "S",
            description = "subtract S after the ReLU, -10 to 10; the notebook's refactor used 0.5 (default: ${DEFAULT-VALUE})")
    double reluShift = 0;

    /** The training rows there are: a larger --batch means all of them. */
    static final int MAX_BATCH = Settings.MAX_BATCH;

    /** The settings, or a parameter error naming the option (Settings' own messages do not). */
    Settings settings(CommandLine cmd, int batch) {
        Ranges.check(cmd, "--nh", nh, 1, Settings.MAX_NH);
        Ranges.check(cmd, "--relu-shift", reluShift, -MAX_RELU_SHIFT, MAX_RELU_SHIFT);
        Ranges.check(cmd, "--batch", batch, 0, MAX_BATCH);
        return new Settings(init, seed, nh, reluShift, batch);
    }

    static final class InitConverter implements CommandLine.ITypeConverter<Init> {
        @Override
        public Init convert(String value) {
            try {
                return Init.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lower-case names for help and completion (the enum's constants are upper case). */
    static final class InitNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(Init.values()).stream().map(Init::id).iterator();
        }
    }
}
