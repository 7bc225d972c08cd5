package io.backproplens;

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

    /** 02_fully_connected: data statistics, exact to the 4 printed decimals (mean/std). */
    public static final String X_TRAIN_STATS = "0.1304/0.3073";
    public static final String X_VALID_STATS = "0.1287/0.3050";
    public static final String X_TRAIN_NORMALIZED_STATS = "0.0000/1.0000";
    public static final String X_VALID_NORMALIZED_STATS = "-0.0059/0.9924";

    /** Statistics of unseeded torch draws: ours are seeded, so tests compare within a tolerance. */
    public static final double XAVIER_W1_STD = 0.0358, XAVIER_LIN_STD = 1.0071;
    public static final double XAVIER_RELU_MEAN = 0.3758, XAVIER_RELU_STD = 0.5854;
    public static final double KAIMING_RELU_MEAN = 0.5117, KAIMING_RELU_STD = 0.7864;
    /** {@code loss = mse(model(x_train))} with w1 Kaiming and {@code w2 = rand(nh,1)/sqrt(784)}, unseeded. */
    public static final double LOSS = 24.3061;

    /** Not the notebook's: the same loss with this app's seeded draws ({@code --init notebook --seed 42}). */
    public static final double SEEDED_LOSS = 24.4908;
}
