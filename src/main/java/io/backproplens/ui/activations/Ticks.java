package io.backproplens.ui.activations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at round numbers (1, 2, 5 times a power of ten) and numbers as a classroom reads them. */
final class Ticks {
    private Ticks() {}

    /** Round tick values covering {@code [lo, hi]}, about {@code wanted} of them, inside the range. */
    static List<Double> linear(double lo, double hi, int wanted) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(hi - lo)) {
            if (Double.isFinite(lo)) out.add(lo);
            return out;
        }
        double step = niceStep((hi - lo) / Math.max(1, wanted));
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; ; i++) {
            double t = first + i * step;
            if (t > hi + step * 1e-9 || i > 1000) break;
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * p;
    }

    /** Decades (integer powers of ten) between the two exponents, every {@code step}-th one. */
    static List<Integer> decades(int loExp, int hiExp, int wanted) {
        List<Integer> out = new ArrayList<>();
        int span = Math.max(1, hiExp - loExp);
        int step = (int) Math.max(1, niceStep(span / (double) Math.max(1, wanted)));
        int first = Math.floorDiv(loExp + step - 1, step) * step;
        for (int e = first; e <= hiExp; e += step) out.add(e);
        return out;
    }

    /** A tick label: as few digits as the step needs ({@code 0.25}, {@code 2}, {@code 1.5k}, {@code 3e-05}). */
    static String tick(double v, double step) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) return sci(v, 1);
        if (a >= 10_000) return trim(String.format(Locale.ROOT, "%.1f", v / 1000)) + "k";
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 4) + "f", v);
    }

    /** A count on an axis: {@code 950}, {@code 12k}, {@code 1.5M}. */
    static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        if (a >= 1e4) return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    /** A statistic as the notebook prints it, {@code tensor(0.5117)}: four decimals, else scientific. */
    static String stat(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e5 || a < 1e-3)) return sci(v, 3);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** {@code 1.23e+10} as {@code 1.23e10}. */
    static String sci(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "e", v);
        int e = s.indexOf('e');
        String mant = trim(s.substring(0, e));
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** 10 to a power with superscript digits: {@code 10⁻¹²}. */
    static String power(int exp) {
        String sup = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder b = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(exp));
        if (exp < 0) b.append('\u207b');
        for (char c : digits.toCharArray()) b.append(sup.charAt(c - '0'));
        return b.toString();
    }

    /** A short exact-looking number: {@code 0}, {@code -0.5}, {@code 0.25}. */
    static String plain(double v) {
        if (v == 0) return "0";
        return trim(String.format(Locale.ROOT, "%.6f", v));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String integer(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String trim(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
