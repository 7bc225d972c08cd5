package io.backproplens;

import io.backproplens.session.NotebookPrinted;

import java.util.List;

/**
 * What the seed notebook (fast.ai 01_matmul and 02_fully_connected, as a student ran them) printed:
 * the ground truth every test that reproduces a notebook number reads from, so each is written once.
 */
public final class Notebook {
    private Notebook() {}

    /** 01_matmul, cell In [5]: the triple loop's {@code (i,k) (k,j) (i,j)} for a 3x3 @ 3x2, verbatim. */
    public static final List<String> TRIPLES = List.of(
            "(0, 0) (0, 0) (0, 0)", "(0, 1) (1, 0) (0, 0)", "(0, 2) (2, 0) (0, 0)",
            "(0, 0) (0, 1) (0, 1)", "(0, 1) (1, 1) (0, 1)", "(0, 2) (2, 1) (0, 1)",
            "(1, 0) (0, 0) (1, 0)", "(1, 1) (1, 0) (1, 0)", "(1, 2) (2, 0) (1, 0)",
            "(1, 0) (0, 1) (1, 1)", "(1, 1) (1, 1) (1, 1)", "(1, 2) (2, 1) (1, 1)",
            "(2, 0) (0, 0) (2, 0)", "(2, 1) (1, 0) (2, 0)", "(2, 2) (2, 0) (2, 0)",
            "(2, 0) (0, 1) (2, 1)", "(2, 1) (1, 1) (2, 1)", "(2, 2) (2, 1) (2, 1)");

    /** The product those triples compute, and how the notebook printed it. */
    public static final double[][] RESULT = {{15, 27}, {6, 7}, {26, 63}};
    public static final String RESULT_TEXT = "[[15, 27], [6, 7], [26, 63]]";

    /**
     * 02_fully_connected: data statistics, exact to the 4 printed decimals (mean/std), read from the
     * app's own copy of the notebook's printed numbers (one source: {@link NotebookPrinted}).
     */
    public static final String X_TRAIN_STATS = stats("x_train");
    public static final String X_VALID_STATS = stats("x_valid");
    public static final String X_TRAIN_NORMALIZED_STATS = stats("x_train.normalized");
    public static final String X_VALID_NORMALIZED_STATS = stats("x_valid.normalized");

    /** Statistics of unseeded torch draws: ours are seeded, so tests compare within a tolerance. */
    public static final double XAVIER_W1_STD = v("xavier.w1.std"), XAVIER_LIN_STD = v("xavier.lin.std");
    public static final double XAVIER_RELU_MEAN = v("xavier.relu.mean"), XAVIER_RELU_STD = v("xavier.relu.std");
    public static final double KAIMING_RELU_MEAN = v("kaiming.relu.mean"), KAIMING_RELU_STD = v("kaiming.relu.std");
    /** {@code loss = mse(model(x_train))} with w1 Kaiming and {@code w2 = rand(nh,1)/sqrt(784)}, unseeded. */
    public static final double LOSS = v("loss");

    private static double v(String key) { return NotebookPrinted.get(key).value(); }

    /** {@code mean/std} in 4 decimals, as the notebook printed them ({@code tensor(2.1325e-08)} is 0.0000). */
    private static String stats(String key) {
        String m = String.format(java.util.Locale.ROOT, "%.4f", v(key + ".mean")), s = String.format(java.util.Locale.ROOT, "%.4f", v(key + ".std"));
        return (m.equals("-0.0000") ? "0.0000" : m) + "/" + s;
    }

    /** Not the notebook's: the same loss with this app's seeded draws ({@code --init notebook --seed 42}). */
    public static final double SEEDED_LOSS = 24.4908;
}
