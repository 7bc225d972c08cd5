package io.backproplens.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Locale;

/**
 * What the network's last Lin feeds: {@code mse}, the seed notebook's one output regressed on the
 * label, or {@code ce}, 03_minibatch_training's ten outputs ({@code c = 10}) through
 * {@code log_softmax} and {@code nll}.
 */
public enum Head {
    MSE("mse", 1, "accuracy of the rounded output (clamped to 0..9)"),
    CE("ce", 10, "accuracy (argmax)");

    private final String id;
    private final int outputs;
    private final String accuracyLabel;

    Head(String id, int outputs, String accuracyLabel) {
        this.id = id;
        this.outputs = outputs;
        this.accuracyLabel = accuracyLabel;
    }

    public String id() { return id; }

    /** Columns of the last Lin's output. */
    public int outputs() { return outputs; }

    /** How "accuracy" is computed for this head, as the app and CLI label it. */
    public String accuracyLabel() { return accuracyLabel; }

    /** The modules between the last Lin and the loss: none for mse, {@code log_softmax} for ce. */
    List<Module> tail() {
        return this == MSE ? List.of() : List.of(new LogSoftmax("log_softmax", "sm_pred"));
    }

    Module loss() { return this == MSE ? new Mse("mse", "loss") : new Nll("nll", "loss"); }

    /**
     * The digit each row predicts from the model's output ({@link Model#forward}): mse rounds the one
     * output and clamps it to 0..9; ce takes the argmax of the log-probabilities. As DOUBLE, one per row.
     */
    public INDArray predictedDigits(INDArray out) {
        if (this == MSE) {
            INDArray clamped = Transforms.min(Transforms.max(out.reshape(out.length()).castTo(DataType.DOUBLE), 0.0, false), 9.0, false);
            return Transforms.round(clamped, false);
        }
        return Nd4j.argMax(out, 1).castTo(DataType.DOUBLE).reshape(out.size(0));
    }

    /** Share of rows whose predicted digit equals the label. */
    public double accuracy(INDArray out, INDArray labels) {
        INDArray hits = predictedDigits(out).eq(labels.reshape(labels.length()).castTo(DataType.DOUBLE));
        return hits.castTo(DataType.DOUBLE).sumNumber().doubleValue() / labels.length();
    }

    /** Parses {@code mse|ce}, case-insensitively. */
    public static Head parse(String s) {
        for (Head h : values()) if (h.id.equals(s.toLowerCase(Locale.ROOT))) return h;
        throw new IllegalArgumentException("unknown head '" + s + "': expected mse or ce");
    }

    @Override
    public String toString() { return id; }
}
