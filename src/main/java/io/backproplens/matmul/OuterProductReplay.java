package io.backproplens.matmul;

/**
 * {@code w.g = inp.t() @ out.g} read the other way round: a sum over the batch of outer products,
 * {@code sum_n inp[n].unsqueeze(-1) * out.g[n].unsqueeze(0)}. Step {@code n} forms sample n's
 * outer product ({@code m x h}) and adds it into the running sum; after the last sample the sum
 * is the matmul's result (the same multiply-adds, grouped by sample instead of by output cell).
 *
 * <p>The same replay gives {@code b.g = out.g.sum(0)}: step n adds row {@code out.g[n]}.
 *
 * @param inp  {@code N x m}: the layer's input, one row per sample
 * @param outG {@code N x h}: the gradient of the layer's output, one row per sample
 */
public record OuterProductReplay(double[][] inp, double[][] outG) {

    public OuterProductReplay {
        if (inp.length == 0 || inp.length != outG.length) {
            throw new IllegalArgumentException("inp has " + inp.length + " samples and out.g has " + outG.length
                    + ": both need the same number of rows (samples), at least one");
        }
    }

    public int samples() { return inp.length; }

    public int inputs() { return inp[0].length; }

    public int outputs() { return outG[0].length; }

    /** {@code inp[n].unsqueeze(-1) * out.g[n].unsqueeze(0)}: an {@code m x h} matrix. */
    public double[][] outer(int n) {
        double[][] p = new double[inputs()][outputs()];
        for (int r = 0; r < inputs(); r++)
            for (int c = 0; c < outputs(); c++) p[r][c] = inp[n][r] * outG[n][c];
        return p;
    }

    /** The running {@code w.g} after samples {@code 0..upTo} (inclusive; -1 is the zeros it starts from). */
    public double[][] weightGradAfter(int upTo) {
        double[][] s = new double[inputs()][outputs()];
        for (int n = 0; n <= upTo && n < samples(); n++)
            for (int r = 0; r < inputs(); r++)
                for (int c = 0; c < outputs(); c++) s[r][c] += inp[n][r] * outG[n][c];
        return s;
    }

    /** The running {@code b.g} (column sums of out.g) after samples {@code 0..upTo}. */
    public double[] biasGradAfter(int upTo) {
        double[] s = new double[outputs()];
        for (int n = 0; n <= upTo && n < samples(); n++)
            for (int c = 0; c < outputs(); c++) s[c] += outG[n][c];
        return s;
    }

    public double[][] weightGrad() { return weightGradAfter(samples() - 1); }

    public double[] biasGrad() { return biasGradAfter(samples() - 1); }

    /** {@code inp.t()} as a plain matrix: the {@code a} of the matmul view of w.g. */
    public double[][] inpT() { return transpose(inp); }

    public static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++)
            for (int c = 0; c < m[0].length; c++) t[c][r] = m[r][c];
        return t;
    }
}
