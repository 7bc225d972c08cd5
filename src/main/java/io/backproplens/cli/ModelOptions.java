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

    @Option(names = "--nh", paramLabel = "N", description = "hidden units (default: ${DEFAULT-VALUE})")
    int nh = 50;

    @Option(names = "--relu-shift", paramLabel = "S",
            description = "subtract S after the ReLU; the notebook's refactor used 0.5 (default: ${DEFAULT-VALUE})")
    double reluShift = 0;

    /** The settings, or a parameter error naming the option (Settings' own messages do not). */
    Settings settings(CommandLine cmd, int batch) {
        if (nh < 1 || nh > Settings.MAX_NH) {
            throw new CommandLine.ParameterException(cmd, "--nh must be between 1 and " + Settings.MAX_NH + ", got " + nh);
        }
        if (!Double.isFinite(reluShift)) {
            throw new CommandLine.ParameterException(cmd, "--relu-shift must be a finite number, got " + reluShift);
        }
        if (batch < 0) {
            throw new CommandLine.ParameterException(cmd, "--batch must be 0 (the whole training set) or positive, got " + batch);
        }
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
