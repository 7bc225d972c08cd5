package io.backproplens.ui.common;

import java.util.Locale;

/** Numbers as the app prints them: short, and never in a locale's decimal comma. */
public final class Fmt {
    private Fmt() {}

    /** Four significant digits; scientific notation for very small or large magnitudes. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%.3e", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** A count with thousands separators: {@code 50,000}. */
    public static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
