package io.backproplens.matmul;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The notebook's speed ladder: the same product by each rung of {@link MatmulVariant}, timed.
 * Every rung is warmed up first (JIT, ND4J's first-call costs), then run repeatedly; the median
 * is reported. No UI here: the app runs it on its background thread.
 */
public final class SpeedLadder {

    /**
     * The notebook's own Python times for {@code x_valid[:5] @ weights(784x10)} (fast.ai 01_matmul):
     * triple loop 835 ms, elementwise (innermost removed) 1.39 ms, broadcast 254 us, torch matmul 18.2 us.
     */
    public static double notebookSeconds(MatmulVariant v) {
        return switch (v) {
            case TRIPLE_LOOP -> 835e-3;
            case INNER_REMOVED -> 1.39e-3;
            case BROADCAST -> 254e-6;
            case BLAS -> 18.2e-6;
        };
    }

    /** One rung's measurement: median seconds over {@code runs} timed runs, and how far its result is from BLAS's. */
    public record Rung(MatmulVariant variant, double seconds, int runs, double maxDiffFromBlas) {
        public double notebookSeconds() { return SpeedLadder.notebookSeconds(variant); }
    }

    private SpeedLadder() {}

    /**
     * Times every rung on {@code a @ b}, slowest first, reporting each as it finishes.
     *
     * @param budgetSeconds roughly how long to spend timing each rung (after warm-up)
     */
    public static List<Rung> run(INDArray a, INDArray b, double budgetSeconds, Consumer<Rung> onRung) {
        INDArray reference = MatmulVariant.BLAS.compute(a, b);
        List<Rung> rungs = new ArrayList<>();
        for (MatmulVariant v : MatmulVariant.values()) {
            // Warm-up: the slow rung once, fast ones until the JIT has seen them.
            int warm = v == MatmulVariant.TRIPLE_LOOP ? 1 : 20;
            INDArray out = null;
            for (int w = 0; w < warm; w++) out = v.compute(a, b);
            double diff = out.castTo(reference.dataType()).sub(reference).amaxNumber().doubleValue();

            List<Long> times = new ArrayList<>();
            long spent = 0;
            while (times.size() < 3 || (spent < budgetSeconds * 1e9 && times.size() < 2000)) {
                long t0 = System.nanoTime();
                v.compute(a, b);
                long t = System.nanoTime() - t0;
                times.add(t);
                spent += t;
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            Rung r = new Rung(v, sorted[sorted.length / 2] / 1e9, sorted.length, diff);
            rungs.add(r);
            if (onRung != null) onRung.accept(r);
        }
        return rungs;
    }
}
