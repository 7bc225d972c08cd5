package io.backproplens.stats;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts of values in equal-width bins, with every value accounted for: NaN, +Infinity and
 * -Infinity are counted apart from the bins, finite values outside a fixed binning are counted as
 * {@link #below()} and {@link #above()}, and an optional "atom" (a value that occurs exactly and
 * very often, such as the 0 a ReLU writes for every negative input) is counted apart so its spike
 * does not flatten the rest of the picture. The invariant, checked by the tests:
 * <pre>total = sum(counts) + below + above + atomCount + nanCount + posInfCount + negInfCount</pre>
 *
 * <p>Bins adapt to the data: Freedman–Diaconis width {@code 2 IQR / cbrt(n)} over the finite range,
 * with the quartiles estimated from an evenly strided sample of at most {@value #QUARTILE_SAMPLE}
 * values (sorting 500,000 floats would cost more than a frame), falling back to Scott's rule when
 * the IQR is 0, and the bin count clamped to [{@value #MIN_BINS}, {@value #MAX_BINS}] (fewer for
 * tiny data: at most sqrt(n) rounded up). Two passes over a {@code float[]}: 500,000 values bin in
 * about a millisecond.
 */
public final class Histogram {
    public static final int MIN_BINS = 10;
    public static final int MAX_BINS = 80;
    static final int QUARTILE_SAMPLE = 4096;

    /** Equal-width bins over {@code [lo, hi]}; the last bin includes {@code hi}. */
    public record Binning(double lo, double hi, int bins) {
        public Binning {
            if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("bin range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
            }
        }

        public double width() { return (hi - lo) / bins; }

        /** The left edge of bin {@code i}; {@code edge(bins) == hi}. */
        public double edge(int i) { return i == bins ? hi : lo + i * width(); }
    }

    private final Binning binning;
    private final long[] counts;
    private final long total;
    private final long nanCount;
    private final long posInfCount;
    private final long negInfCount;
    private final long below;
    private final long above;
    private final double atom;
    private final long atomCount;
    private final double min;
    private final double max;

    private Histogram(Binning binning, long[] counts, long total, long nan, long posInf, long negInf,
                      long below, long above, double atom, long atomCount, double min, double max) {
        this.binning = binning;
        this.counts = counts;
        this.total = total;
        this.nanCount = nan;
        this.posInfCount = posInf;
        this.negInfCount = negInf;
        this.below = below;
        this.above = above;
        this.atom = atom;
        this.atomCount = atomCount;
        this.min = min;
        this.max = max;
    }

    // ---------------------------------------------------------------- building

    /** Every value in adaptive bins, no atom. */
    public static Histogram of(float[] values) { return of(values, Double.NaN); }

    /** Every value in adaptive bins; values exactly equal to {@code atom} counted apart (NaN: none). */
    public static Histogram of(float[] values, double atom) { return of(values, atom, binning(atom, values)); }

    /** Every value in the given bins; values exactly equal to {@code atom} counted apart (NaN: none). */
    public static Histogram of(float[] values, double atom, Binning b) {
        final int bins = b.bins();
        // Four interleaved count arrays: neighbouring values often fall in the same bin, and four
        // arrays let their increments run without waiting for each other. Summed at the end.
        final long[] lanes = new long[4 * bins];
        final double lo = b.lo(), hi = b.hi();
        final double scale = bins / (hi - lo);
        final boolean hasAtom = !Double.isNaN(atom);
        final float fAtom = hasAtom ? (float) atom : Float.NaN;   // NaN never equals anything
        long nan = 0, posInf = 0, negInf = 0, atoms = 0, below = 0, above = 0;
        float mn = Float.POSITIVE_INFINITY, mx = Float.NEGATIVE_INFINITY;
        final int n = values.length;
        for (int j = 0; j < n; j++) {
            float x = values[j];
            if (x - x != 0) {                    // NaN or +-Inf: rare, so this branch predicts well
                if (x != x) nan++;
                else if (x > 0) posInf++;
                else negInf++;
                continue;
            }
            mn = x < mn ? x : mn;
            mx = x > mx ? x : mx;
            // ReLU outputs are half atoms in random order: count them without a branch.
            int isAtom = x == fAtom ? 1 : 0;
            atoms += isAtom;
            if (x < lo) { below += 1 - isAtom; continue; }
            if (x > hi) { above += 1 - isAtom; continue; }
            int i = (int) ((x - lo) * scale);
            lanes[(j & 3) * bins + (i < bins ? i : bins - 1)] += 1 - isAtom;
        }
        final long[] counts = new long[bins];
        for (int i = 0; i < bins; i++) counts[i] = lanes[i] + lanes[bins + i] + lanes[2 * bins + i] + lanes[3 * bins + i];
        boolean any = mn <= mx;
        return new Histogram(b, counts, values.length, nan, posInf, negInf, below, above,
                hasAtom ? atom : Double.NaN, atoms, any ? mn : Double.NaN, any ? mx : Double.NaN);
    }

    /** The same for double values (arrays of another dtype than float go through here). */
    public static Histogram of(double[] values, double atom, Binning b) {
        final int bins = b.bins();
        final long[] counts = new long[bins];
        final double lo = b.lo(), hi = b.hi();
        final double scale = bins / (hi - lo);
        final boolean hasAtom = !Double.isNaN(atom);
        long nan = 0, posInf = 0, negInf = 0, below = 0, above = 0, atoms = 0;
        double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (x != x) { nan++; continue; }
            if (x == Double.POSITIVE_INFINITY) { posInf++; continue; }
            if (x == Double.NEGATIVE_INFINITY) { negInf++; continue; }
            if (x < mn) mn = x;
            if (x > mx) mx = x;
            if (hasAtom && x == atom) { atoms++; continue; }
            if (x < lo) { below++; continue; }
            if (x > hi) { above++; continue; }
            int i = (int) ((x - lo) * scale);
            counts[i >= bins ? bins - 1 : i]++;
        }
        boolean any = mn <= mx;
        return new Histogram(b, counts, values.length, nan, posInf, negInf, below, above,
                hasAtom ? atom : Double.NaN, atoms, any ? mn : Double.NaN, any ? mx : Double.NaN);
    }

    /** An array's elements in adaptive bins (any dtype, views included). */
    public static Histogram of(INDArray array, double atom) {
        if (array.dataType() == DataType.FLOAT) return of(floats(array), atom);
        double[] d = doubles(array);
        return of(d, atom, binning(atom, d));
    }

    /** A copy of an array's elements as floats, in storage order (a histogram does not care). */
    public static float[] floats(INDArray array) {
        INDArray a = plain(array);
        if (a.dataType() != DataType.FLOAT) a = a.castTo(DataType.FLOAT);
        float[] out = new float[(int) a.length()];
        a.data().asNioFloat().get(0, out);
        return out;
    }

    private static double[] doubles(INDArray array) {
        INDArray a = plain(array);
        if (a.dataType() != DataType.DOUBLE) a = a.castTo(DataType.DOUBLE);
        double[] out = new double[(int) a.length()];
        a.data().asNioDouble().get(0, out);
        return out;
    }

    /** The array itself when its buffer holds exactly its elements, else a compact copy. */
    private static INDArray plain(INDArray array) {
        if (array.length() > Integer.MAX_VALUE) throw new IllegalArgumentException("array too large to bin: " + array.length());
        boolean compact = !array.isView() && array.data().length() == array.length() && array.data().offset() == 0;
        return compact ? array : array.dup();
    }

    // ---------------------------------------------------------------- choosing bins

    /**
     * Bins fitting the finite values of all the arrays together (so two histograms drawn with it
     * share their x axis). The range covers every finite value and the atom; the width follows
     * Freedman–Diaconis on the non-atom values, with the count clamped as described above.
     */
    public static Binning binning(double atom, float[]... arrays) {
        final boolean hasAtom = !Double.isNaN(atom);
        final float fAtom = (float) atom;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long spread = 0, length = 0;
        for (float[] a : arrays) {
            length += a.length;
            float mn = Float.POSITIVE_INFINITY, mx = Float.NEGATIVE_INFINITY;
            long sp = 0;
            for (float x : a) {
                if (x - x != 0) continue;               // NaN and +-Inf: x - x is NaN
                if (x < mn) mn = x;
                if (x > mx) mx = x;
                if (!(hasAtom && x == fAtom)) sp++;
            }
            min = Math.min(min, mn);
            max = Math.max(max, mx);
            spread += sp;
        }
        // An evenly strided sample of every array, in proportion to its length, for the quartiles.
        double[] sample = new double[QUARTILE_SAMPLE];
        int k = 0;
        for (float[] a : arrays) {
            int take = length == 0 ? 0 : (int) Math.min(a.length, (long) QUARTILE_SAMPLE * a.length / length);
            for (int j = 0; j < take && k < sample.length; j++) {
                float x = a[(int) ((long) j * a.length / take)];
                if (x - x == 0 && !(hasAtom && x == fAtom)) sample[k++] = x;
            }
        }
        return choose(min, max, spread, Arrays.copyOf(sample, k), atom);
    }

    /** {@link #binning(double, float[]...)} for double values. */
    public static Binning binning(double atom, double[] values) {
        final boolean hasAtom = !Double.isNaN(atom);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long spread = 0;
        for (double x : values) {
            if (x - x != 0) continue;
            if (x < min) min = x;
            if (x > max) max = x;
            if (!(hasAtom && x == atom)) spread++;
        }
        int take = Math.min(values.length, QUARTILE_SAMPLE);
        double[] sample = new double[take];
        int k = 0;
        for (int j = 0; j < take; j++) {
            double x = values[(int) ((long) j * values.length / take)];
            if (x - x == 0 && !(hasAtom && x == atom)) sample[k++] = x;
        }
        return choose(min, max, spread, Arrays.copyOf(sample, k), atom);
    }

    private static Binning choose(double lo, double hi, long n, double[] sample, double atom) {
        if (!(lo <= hi)) {
            // Nothing finite: a unit range around 0 (or the atom), so the empty axes still draw.
            double c = Double.isNaN(atom) ? 0 : atom;
            return new Binning(c - 0.5, c + 0.5, MIN_BINS);
        }
        if (!(hi > lo)) {
            // A single value: a readable width around it.
            double w = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new Binning(lo - w / 2, lo + w / 2, MIN_BINS);
        }
        if (!Double.isFinite(hi - lo)) {
            // Doubles spanning more than a double holds (beyond +-9e307): bin the halves' range.
            lo = Math.max(lo, -Double.MAX_VALUE / 2);
            hi = Math.min(hi, Double.MAX_VALUE / 2);
        }
        int lower = (int) Math.min(MIN_BINS, Math.max(1, Math.ceil(Math.sqrt(Math.max(1, n)))));
        double width = fdWidth(sample, n);
        double wanted = width > 0 ? Math.ceil((hi - lo) / width) : Math.ceil(Math.sqrt(Math.max(1, n)));
        int bins = (int) Math.max(lower, Math.min(MAX_BINS, wanted));
        return new Binning(lo, hi, bins);
    }

    /** Freedman–Diaconis, else Scott, bin width from a sample of n values; 0 if neither works. */
    static double fdWidth(double[] sample, long n) {
        if (sample.length < 2) return 0;
        double[] s = sample.clone();
        Arrays.sort(s);
        double iqr = quantile(s, 0.75) - quantile(s, 0.25);
        double cbrt = Math.cbrt(n);
        if (iqr > 0) return 2 * iqr / cbrt;
        double mean = 0;
        for (double x : s) mean += x;
        mean /= s.length;
        double sq = 0;
        for (double x : s) sq += (x - mean) * (x - mean);
        double sd = Math.sqrt(sq / (s.length - 1));
        return sd > 0 ? 3.49 * sd / cbrt : 0;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    // ---------------------------------------------------------------- reading

    public Binning binning() { return binning; }

    public int bins() { return counts.length; }

    /** The count of bin {@code i}. */
    public long count(int i) { return counts[i]; }

    public long[] counts() { return counts.clone(); }

    /** Every value given, whatever it was. */
    public long total() { return total; }

    public long nanCount() { return nanCount; }

    public long posInfCount() { return posInfCount; }

    public long negInfCount() { return negInfCount; }

    public long infCount() { return posInfCount + negInfCount; }

    public long nonFiniteCount() { return nanCount + posInfCount + negInfCount; }

    /** Finite values left of a fixed binning (0 with adaptive bins). */
    public long below() { return below; }

    /** Finite values right of a fixed binning (0 with adaptive bins). */
    public long above() { return above; }

    /** The value counted apart, or NaN when there is none. */
    public double atom() { return atom; }

    public boolean hasAtom() { return !Double.isNaN(atom); }

    /** How many values equal the atom exactly. */
    public long atomCount() { return atomCount; }

    /** Share of all values that equal the atom (for a ReLU: the share of exact zeros). */
    public double atomShare() { return total == 0 ? 0 : atomCount / (double) total; }

    /** Values in the bins. */
    public long binned() {
        long s = 0;
        for (long c : counts) s += c;
        return s;
    }

    /** The largest bin count (the atom not included). */
    public long maxCount() {
        long m = 0;
        for (long c : counts) m = Math.max(m, c);
        return m;
    }

    /** Smallest finite value (the atom included), NaN if none. */
    public double min() { return min; }

    /** Largest finite value (the atom included), NaN if none. */
    public double max() { return max; }

    @Override
    public String toString() {
        return "Histogram[" + bins() + " bins over [" + binning.lo() + ", " + binning.hi() + "], total " + total
                + ", atom " + atomCount + ", NaN " + nanCount + ", +Inf " + posInfCount + ", -Inf " + negInfCount + "]";
    }
}
