package io.backproplens.ui.shell;

import io.backproplens.matmul.MatmulVariant;
import io.backproplens.ui.network.Moment;
import io.backproplens.engine.Init;
import io.backproplens.ui.activations.ActivationsView;

import io.backproplens.engine.TraceStep;
import io.backproplens.session.PassResult;

import java.util.List;
import java.util.function.Consumer;

/**
 * The notebook's sequence as scenes, one click (or Ctrl+number) each: what is in front, where the
 * step cursor stands, and one sentence the teacher can read out.
 */
public enum Lesson {
    MATMUL("Matmul", "matmul", "A matrix product is a triple loop over (i,k),(k,j),(i,j): watch each multiply-add land in result[i,j].",
            w -> w.matmul().showVariant(MatmulVariant.TRIPLE_LOOP, 4)),
    BROADCASTING("Broadcasting", "matmul", "a[i].unsqueeze(-1) * b: the column is broadcast across b without copying, then summed over dim 0.",
            w -> w.matmul().showVariant(MatmulVariant.BROADCAST, 0)),
    DATA("Data", "data", "MNIST: 50,000 training images of 784 pixels, normalised with the training set's mean and std.",
            w -> {}),
    INIT("Init", "activations", "Xavier keeps a linear layer's output std near 1; after a ReLU Kaiming's sqrt(2/fan_in) is needed.",
            w -> {
                w.activations().setMode(ActivationsView.Mode.COMPARE);
                w.activations().setCompare(Init.XAVIER, Init.KAIMING, 1);
            }),
    FORWARD("Forward", "network", "x @ w1 + b1, ReLU, @ w2 + b2: every sample of the batch at once.",
            w -> w.network().show(Moment.OUTPUT)),
    LOSS("Loss", "network", "MSE: the mean over the batch of (output - label) squared.",
            w -> w.network().show(Moment.LOSS)),
    BACKWARD("Backward", "network", "The chain rule in reverse: each module turns out.g into its inputs' .g.",
            w -> {
                // The first backward step: the class sees the chain rule start at the loss, not its end.
                w.network().show(Moment.LOSS);
                w.stepToFirstBackward();
            }),
    GRADCHECK("Gradient check", "network", "The hand-written .g tensors against an independent autodiff (SameDiff) and finite differences.",
            w -> {
                w.network().show(Moment.END);
                w.network().showGradientCheck(true);
            }),
    SLIPS("Notebook's slips", "network", "On this pass's tensors: a misplaced .sum(0), a test against its own clone, a Relu - 0.5.",
            w -> {
                w.network().show(Moment.END);
                w.showSlips(true);
                w.slips().select(io.backproplens.ui.slips.SlipsView.Slip.LIN_GRAD);
            }),
    TRAIN("Train", "train", "Mini-batches of 64, w -= lr * w.g: after one epoch the loss has fallen and w1's tiles show strokes. Reset, then Play.",
            w -> {
                w.train().setMode(io.backproplens.ui.train.TrainView.Mode.LIVE);
                w.train().setConfig(io.backproplens.train.TrainConfig.defaults(io.backproplens.engine.Head.CE));
                w.train().trainAhead(1);
            }),
    MODULE("Module refactor", "network", "The same engine as classes: Module with forward and bwd, Lin, Relu, Mse, Model. This is the code that ran.",
            w -> {
                w.network().show(Moment.END);
                w.showCode(true);
            });

    private final String title;
    private final String tab;
    private final String caption;
    private final Consumer<MainWindow> setup;

    Lesson(String title, String tab, String caption, Consumer<MainWindow> setup) {
        this.title = title;
        this.tab = tab;
        this.caption = caption;
        this.setup = setup;
    }

    public String title() { return title; }

    /** The id of the view in front: {@code matmul}, {@code data}, {@code activations}, {@code network}. */
    public String tab() { return tab; }

    /** The sentence for the notebook's network (head mse, one hidden layer). */
    public String caption() { return caption; }

    /**
     * The sentence for the model on screen: the notebook's, or for a trained stack (Trained on) its
     * own layers and head, so the Loss scene over a ce model says log-softmax and NLL, not MSE.
     */
    public String caption(PassResult pass) {
        if (pass == null || pass.isNotebook()) return caption;
        boolean ce = pass.head() == io.backproplens.engine.Head.CE;
        int d = pass.depth();
        return switch (this) {
            case FORWARD -> layers(d) + (ce ? ", log_softmax" : "") + ": every sample of the batch at once.";
            case LOSS -> ce ? "log_softmax, then NLL: minus the mean over the batch of each sample's log-probability of its label."
                    : caption;
            case MODULE -> "The same engine as classes: Module with forward and bwd, Lin, Relu, "
                    + (ce ? "LogSoftmax, Nll" : "Mse") + ", Model. This is the code that ran.";
            default -> caption;
        };
    }

    /** {@code x @ w1 + b1, ReLU, @ w2 + b2, ReLU, @ w3 + b3}: a stack of {@code depth} hidden layers, the middle ones counted where there are many. */
    private static String layers(int depth) {
        StringBuilder s = new StringBuilder("x @ w1 + b1, ReLU");
        if (depth <= 3) {
            for (int k = 2; k <= depth; k++) s.append(", @ w").append(k).append(" + b").append(k).append(", ReLU");
        } else {
            s.append(", ").append(depth - 1).append(" more Lin+ReLU layers");
        }
        return s.append(", @ w").append(depth + 1).append(" + b").append(depth + 1).toString();
    }

    /** A file-name-safe id: {@code 01-matmul}. */
    public String fileName() { return String.format("%02d-%s", ordinal() + 1, name().toLowerCase()); }

    void apply(MainWindow window) {
        window.showCode(false);
        window.network().showInspector();
        window.selectTab(tab);
        setup.accept(window);
    }

    /** The network scene whose phase this is: forward, loss or backward (null off the network). */
    Lesson phase() {
        return switch (this) {
            case FORWARD, LOSS -> this;
            case BACKWARD, GRADCHECK, SLIPS, MODULE -> BACKWARD;
            default -> null;
        };
    }

    /** The network scene that describes the step: forward before the loss, the loss, backward after it. */
    static Lesson phaseAt(PassResult pass, int step) {
        if (pass == null) return null;
        int loss = Moment.LOSS.in(pass.trace().steps());
        return step < loss ? FORWARD : step == loss ? LOSS : BACKWARD;
    }

    /** The first backward step of the pass's trace. */
    static int firstBackward(PassResult pass) {
        List<TraceStep> steps = pass.trace().steps();
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).phase() == TraceStep.Phase.BACKWARD) return i;
        return steps.size() - 1;
    }

    public static Lesson parse(String s) {
        for (Lesson l : values()) if (l.name().equalsIgnoreCase(s) || l.title.equalsIgnoreCase(s)) return l;
        throw new IllegalArgumentException("unknown scene '" + s + "'");
    }
}
