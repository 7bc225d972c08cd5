package io.backproplens.ui.common;

import java.util.Locale;

/**
 * Every number the UI prints, in one place: short, never in a locale's decimal comma, and NaN and
 * infinity spelt as the notebook (PyTorch) prints them, {@code nan}, {@code inf}, {@code -inf}.
 * Each method is one kind of place a number appears (a grid cell, a statistic, an axis tick).
 */
public final class Fmt {
    private Fmt() {}

    public static final String NAN = "nan";
    public static final String INF = "inf";

    /** The notebook's spelling of a value that is not finite, or null for a finite one. */
    /** {@code nan}, {@code inf} or {@code -inf}; the command line spells them so too. */
    public static String nonFinite(double v) {
        if (Double.isNaN(v)) return NAN;
        if (Double.isInfinite(v)) return v > 0 ? INF : "-" + INF;
        return null;
    }

    /** Four significant digits; scientific notation for very small or large magnitudes. */
    public static String num(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%.3e", v);
        return trim(String.format(Locale.ROOT, "%.4g", v));
    }

    /** A matrix cell: integers plain, others short enough to fit ({@code 0.667}, {@code 1.23e-5}). */
    public static String cell(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) return trim(String.format(Locale.ROOT, "%.3g", v));
        // 1.23e-05 -> 1.23e-5: shorter, same number.
        String s = String.format(Locale.ROOT, "%.2e", v);
        return s.replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    /** A statistic as the notebook prints it, {@code tensor(0.5117)}: four decimals, else scientific. */
    public static String stat(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e5 || a < 1e-3)) return sci(v, 3);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A short exact-looking number: {@code 0}, {@code -0.5}, {@code 0.25}. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        if (v == 0) return "0";
        return trim(String.format(Locale.ROOT, "%.6f", v));
    }

    /** {@code 1.23e+10} as {@code 1.23e10}. */
    public static String sci(double v, int digits) {
        if (!Double.isFinite(v)) return nonFinite(v);
        String s = String.format(Locale.ROOT, "%." + digits + "e", v);
        int e = s.indexOf('e');
        String mant = trim(s.substring(0, e));
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** A count with thousands separators: {@code 50,000}. */
    public static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }

    /** A count on an axis: {@code 950}, {@code 12k}, {@code 1.5M}. */
    public static String axisCount(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        if (a >= 1e4) return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    /** A tick label: as few digits as the step needs ({@code 0.25}, {@code 2}, {@code 1.5k}, {@code 3e-05}). */
    public static String tick(double v, double step) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) return sci(v, 1);
        if (a >= 10_000) return trim(String.format(Locale.ROOT, "%.1f", v / 1000)) + "k";
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 4) + "f", v);
    }

    /** 10 to a power with superscript digits: {@code 10⁻¹²}. */
    public static String power(int exp) {
        String sup = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder b = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(exp));
        if (exp < 0) b.append('\u207b');
        for (char c : digits.toCharArray()) b.append(sup.charAt(c - '0'));
        return b.toString();
    }

    /** A share as a percentage with one decimal: {@code 12.5%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Seconds as the notebook prints times: 835 ms, 1.39 ms, 254 µs, 18.2 µs. */
    public static String time(double seconds) {
        if (seconds >= 1) return String.format(Locale.ROOT, "%.3g s", seconds);
        if (seconds >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        if (seconds >= 1e-6) return String.format(Locale.ROOT, "%.3g \u00b5s", seconds * 1e6);
        return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
    }

    /** A speed-up factor: 1x, 601x, 45,900x. */
    public static String factor(double f) {
        if (f < 10) return String.format(Locale.ROOT, "%.2g\u00d7", f);
        return String.format(Locale.ROOT, "%,d\u00d7", Math.round(f));
    }

    /** Drops trailing zeros after a decimal point: {@code 2.50} is {@code 2.5}, {@code 3.0} is {@code 3}. */
    private static String trim(String s) {
        if (!s.contains(".") || s.contains("e")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
