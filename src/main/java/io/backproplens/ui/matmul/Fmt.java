package io.backproplens.ui.matmul;

import java.util.Locale;

/** Numbers as the grids show them: integers plain, others short enough to fit a cell. */
final class Fmt {
    private Fmt() {}

    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        // 1.23e-05 -> 1.23e-5: shorter, same number.
        String s = String.format(Locale.ROOT, "%.2e", v);
        return s.replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    /** Seconds as the notebook prints times: 835 ms, 1.39 ms, 254 µs, 18.2 µs. */
    static String time(double seconds) {
        if (seconds >= 1) return String.format(Locale.ROOT, "%.3g s", seconds);
        if (seconds >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        if (seconds >= 1e-6) return String.format(Locale.ROOT, "%.3g \u00b5s", seconds * 1e6);
        return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
    }

    /** A speed-up factor: 1x, 601x, 45,900x. */
    static String factor(double f) {
        if (f < 10) return String.format(Locale.ROOT, "%.2g\u00d7", f);
        return String.format(Locale.ROOT, "%,d\u00d7", Math.round(f));
    }
}
