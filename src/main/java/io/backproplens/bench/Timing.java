package io.backproplens.bench;

import java.util.Arrays;

/**
 * Wall times of one piece of work: the first call on its own (JIT compilation, native warm-up,
 * graph building), then the median of several runs after warm-up, which shrugs off the odd run
 * slowed by another process on a shared machine.
 */
public record Timing(double firstMs, double medianMs, double[] runsMs) {

    public static Timing of(int warmups, int runs, Runnable work) {
        double first = ms(work);
        for (int i = 0; i < warmups; i++) work.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) t[i] = ms(work);
        return new Timing(first, median(t), t);
    }

    /** Times measured elsewhere (each taken inside a run, so there is no separate first call: it is NaN). */
    public static Timing of(double[] runsMs) {
        return new Timing(Double.NaN, median(runsMs), runsMs.clone());
    }

    /**
     * Several pieces of work timed in turns: each round runs every piece once. The first call of
     * each is timed before any warm-up; results come back in the order given.
     */
    public static java.util.List<Timing> interleaved(int warmups, int runs, java.util.List<Runnable> works) {
        int k = works.size();
        double[] first = new double[k];
        double[][] t = new double[k][runs];
        for (int i = 0; i < k; i++) first[i] = ms(works.get(i));
        for (int w = 0; w < warmups; w++) works.forEach(Runnable::run);
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < k; i++) t[i][r] = ms(works.get(i));
        }
        java.util.List<Timing> out = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) out.add(new Timing(first[i], median(t[i]), t[i]));
        return out;
    }

    static double ms(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
