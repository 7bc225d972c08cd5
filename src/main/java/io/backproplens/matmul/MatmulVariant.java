package io.backproplens.matmul;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebook's matmul ladder. Each rung removes one loop by handing it to a bigger array
 * operation: {@link #compute} does exactly that with ND4J (so the benchmark measures what the
 * notebook measured), and {@link #replay} spells out the same arithmetic as steps to watch.
 */
public enum MatmulVariant {
    TRIPLE_LOOP("triple loop", List.of(
            "def matmul(a,b):",
            "    ar,ac = a.shape # n_rows * n_cols",
            "    br,bc = b.shape",
            "    result = torch.zeros(ar, bc)",
            "    for i in range(ar):",
            "        for j in range(bc):",
            "            for k in range(ac):",
            "                result[i,j] += a[i,k] * b[k,j]",
            "    return result"), 7),
    INNER_REMOVED("innermost loop removed", List.of(
            "def matmul(a,b):",
            "    ar,ac = a.shape # n_rows * n_cols",
            "    br,bc = b.shape",
            "    result = torch.zeros(ar, bc)",
            "    for i in range(ar):",
            "        for j in range(bc):",
            "            result[i,j] = (a[i,:] * b[:,j]).sum()",
            "    return result"), 6),
    BROADCAST("broadcast", List.of(
            "def matmul(a,b):",
            "    ar,ac = a.shape # n_rows * n_cols",
            "    br,bc = b.shape",
            "    result = torch.zeros(ar, bc)",
            "    for i in range(ar):",
            "        result[i] = (a[i].unsqueeze(-1) * b).sum(dim=0)",
            "    return result"), 5),
    BLAS("BLAS (a @ b)", List.of(
            "def matmul(a,b):",
            "    return a @ b"), 1);

    private final String title;
    private final List<String> code;
    private final int workLine;

    MatmulVariant(String title, List<String> code, int workLine) {
        this.title = title;
        this.code = code;
        this.workLine = workLine;
    }

    public String title() { return title; }

    /** The variant's code in the notebook's style, one entry per line. */
    public List<String> code() { return code; }

    /** The line that does the arithmetic of a step (highlighted while stepping). */
    public int workLine() { return workLine; }

    /** The product, computed the way this rung of the ladder computes it. */
    public INDArray compute(INDArray a, INDArray b) {
        long ar = a.size(0), ac = a.size(1), bc = b.size(1);
        if (ac != b.size(0)) throw new IllegalArgumentException("inner dimensions differ: " + ac + " vs " + b.size(0));
        if (this == BLAS) return a.mmul(b);
        INDArray result = Nd4j.zeros(a.dataType(), ar, bc);
        switch (this) {
            case TRIPLE_LOOP -> {
                for (long i = 0; i < ar; i++)
                    for (long j = 0; j < bc; j++)
                        for (long k = 0; k < ac; k++)
                            result.putScalar(i, j, result.getDouble(i, j) + a.getDouble(i, k) * b.getDouble(k, j));
            }
            case INNER_REMOVED -> {
                for (long i = 0; i < ar; i++)
                    for (long j = 0; j < bc; j++)
                        // a[i,:] and b[:,j] as rank-1 vectors: getColumn on an Nx1 matrix keeps
                        // its rank 2, and [k] * [k,1] then fails to broadcast.
                        result.putScalar(i, j, a.get(NDArrayIndex.point(i), NDArrayIndex.all())
                                .mul(b.get(NDArrayIndex.all(), NDArrayIndex.point(j))).sumNumber().doubleValue());
            }
            case BROADCAST -> {
                for (long i = 0; i < ar; i++)
                    result.get(NDArrayIndex.point(i), NDArrayIndex.all())
                            .assign(b.mulColumnVector(a.getRow(i).reshape(ac, 1)).sum(0));
            }
            default -> throw new AssertionError(this);
        }
        return result;
    }

    /** The same product as steps to replay; refuses shapes that do not fit, in words. */
    public MatmulReplay replay(double[][] a, double[][] b) {
        Matrices.checkInner(a, b);
        int ar = a.length, ac = a[0].length, bc = b[0].length;
        List<MatmulStep> steps = new ArrayList<>();
        switch (this) {
            case TRIPLE_LOOP -> {
                long done = 0;
                for (int i = 0; i < ar; i++)
                    for (int j = 0; j < bc; j++) {
                        double sum = 0;
                        for (int k = 0; k < ac; k++) {
                            double p = a[i][k] * b[k][j];
                            sum += p;
                            steps.add(new MatmulStep(i, j, k, workLine, new double[][]{{p}},
                                    List.of(new MatmulStep.Cell(i, j, sum)), ++done,
                                    "(" + i + ", " + k + ") (" + k + ", " + j + ") (" + i + ", " + j + ")"));
                        }
                    }
            }
            case INNER_REMOVED -> {
                for (int i = 0; i < ar; i++)
                    for (int j = 0; j < bc; j++) {
                        double[] p = new double[ac];
                        double sum = 0;
                        for (int k = 0; k < ac; k++) sum += p[k] = a[i][k] * b[k][j];
                        steps.add(new MatmulStep(i, j, -1, workLine, new double[][]{p},
                                List.of(new MatmulStep.Cell(i, j, sum)), (long) (i * bc + j + 1) * ac, null));
                    }
            }
            case BROADCAST -> {
                for (int i = 0; i < ar; i++) {
                    double[][] p = new double[ac][bc];
                    List<MatmulStep.Cell> row = new ArrayList<>();
                    for (int j = 0; j < bc; j++) {
                        double sum = 0;
                        for (int k = 0; k < ac; k++) sum += p[k][j] = a[i][k] * b[k][j];
                        row.add(new MatmulStep.Cell(i, j, sum));
                    }
                    steps.add(new MatmulStep(i, -1, -1, workLine, p, row, (long) (i + 1) * ac * bc, null));
                }
            }
            case BLAS -> {
                List<MatmulStep.Cell> all = new ArrayList<>();
                for (int i = 0; i < ar; i++)
                    for (int j = 0; j < bc; j++) {
                        double sum = 0;
                        for (int k = 0; k < ac; k++) sum += a[i][k] * b[k][j];
                        all.add(new MatmulStep.Cell(i, j, sum));
                    }
                steps.add(new MatmulStep(-1, -1, -1, workLine, new double[0][], all, (long) ar * ac * bc, null));
            }
        }
        return new MatmulReplay(this, a, b, List.copyOf(steps));
    }
}
