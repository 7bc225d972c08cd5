package io.backproplens.cli;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.train.TrainConfig;
import io.backproplens.train.TrainData;
import io.backproplens.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** 03_minibatch_training's loop from the command line: one line (or JSON object) per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the network with mini-batch SGD (w -= lr * w.g after each batch's forward and backward) "
                + "and print, per epoch, the training loss (mean over its batches), the validation loss and accuracy, "
                + "and the wall time. The same options give bit-identical results every run.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOption data;

    @Option(names = "--head", paramLabel = "HEAD", converter = HeadConverter.class,
            description = "mse: one output, squared error on the label (the seed notebook; accuracy = rounded output "
                    + "clamped to 0..9 equals the label); ce: 10 outputs, log_softmax + nll (accuracy = argmax) (default: ${DEFAULT-VALUE})")
    Head head = Head.MSE;

    @Option(names = "--depth", paramLabel = "N", description = "hidden Lin+ReLU layers, 1 to " + TrainConfig.MAX_DEPTH + " (default: ${DEFAULT-VALUE})")
    int depth = 1;

    @Option(names = "--nh", paramLabel = "N", description = "hidden units per layer (default: ${DEFAULT-VALUE})")
    int nh = 50;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training set (default: ${DEFAULT-VALUE})")
    int epochs = 1;

    @Option(names = "--bs", paramLabel = "N", description = "rows per mini-batch (default: ${DEFAULT-VALUE})")
    int bs = TrainConfig.DEFAULT_BS;

    @Option(names = "--lr", paramLabel = "F", description = "learning rate (default: 0.01 for mse, 0.5 for ce)")
    Double lr;

    @Option(names = "--init", paramLabel = "INIT", converter = ModelOptions.InitConverter.class,
            completionCandidates = ModelOptions.InitNames.class,
            description = "weight initialiser: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Init init = Init.KAIMING;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the weights and of --shuffle (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--shuffle", description = "a new order of the training rows each epoch, drawn from the seed (default: the data's order, as the notebook)")
    boolean shuffle;

    @Option(names = "--json", description = "print one JSON object per epoch (one per line) instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TrainConfig c = config(spec.commandLine());
        TrainData d = TrainData.of(data.dataset());
        Trainer t = new Trainer(c, d);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println(Text.f("train: head %s, depth %d, nh %d, bs %d, lr %s, init %s, seed %d, %s order, %d training rows, %d validation rows",
                    c.head(), c.depth(), c.nh(), c.bs(), c.lr(), c.init().id(), c.seed(), c.shuffle() ? "shuffled" : "data", d.trainRows(), d.validRows()));
            out.println(Text.f("%5s %12s %12s %16s %10s", "epoch", "train loss", "valid loss", "valid accuracy", "seconds"));
            out.println(Text.f("%5s %12s %12s %16s %10s", "", "", "", c.head() == Head.MSE ? "(rounded output)" : "(argmax)", ""));
            out.flush();
        }
        while (!t.finished()) {
            Trainer.Epoch e;
            e = t.epoch();
            if (json) out.println(Text.jsonLine(row(c, e)));
            else out.println(Text.f("%5d %12.6f %12.6f %15.2f%% %10.2f", e.epoch(), e.trainLoss(), e.validLoss(), 100 * e.validAccuracy(), e.millis() / 1000));
            out.flush();
        }
        return 0;
    }

    private static Map<String, Object> row(TrainConfig c, Trainer.Epoch e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("train_loss", e.trainLoss());
        m.put("valid_loss", e.validLoss());
        m.put("valid_accuracy", e.validAccuracy());
        m.put("accuracy_kind", c.head().accuracyLabel());
        m.put("seconds", e.millis() / 1000);
        m.put("head", c.head().id());
        m.put("depth", c.depth());
        m.put("bs", c.bs());
        m.put("lr", c.lr());
        return m;
    }

    /** The config, or a parameter error naming the option. */
    private TrainConfig config(CommandLine cmd) {
        if (depth < 1 || depth > TrainConfig.MAX_DEPTH) throw bad(cmd, "--depth must be between 1 and " + TrainConfig.MAX_DEPTH + ", got " + depth);
        if (nh < 1 || nh > io.backproplens.engine.Weights.MAX_NH) throw bad(cmd, "--nh must be between 1 and " + io.backproplens.engine.Weights.MAX_NH + ", got " + nh);
        if (epochs < 1) throw bad(cmd, "--epochs must be at least 1, got " + epochs);
        if (bs < 1) throw bad(cmd, "--bs must be at least 1, got " + bs);
        double rate = lr == null ? TrainConfig.defaultLr(head) : lr;
        if (!(rate > 0) || Double.isInfinite(rate)) throw bad(cmd, "--lr must be a positive finite number, got " + rate);
        return new TrainConfig(head, depth, nh, epochs, bs, rate, init, seed, shuffle, 0, 0);
    }

    private static CommandLine.ParameterException bad(CommandLine cmd, String message) {
        return new CommandLine.ParameterException(cmd, message);
    }

    static final class HeadConverter implements CommandLine.ITypeConverter<Head> {
        @Override
        public Head convert(String value) {
            try {
                return Head.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
