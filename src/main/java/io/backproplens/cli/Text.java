package io.backproplens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Number and JSON formatting shared by the commands (Locale.ROOT: a decimal point everywhere). */
final class Text {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private Text() {}

    /** 4 decimals as the notebook prints them; a value that rounds to zero prints without a sign. */
    static String dec4(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number as a person types it: 10, -0.5, 1e+308, NaN (never 309 digits). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1") : Double.toString(v);
    }

    /** One JSON object on one line: a stream of them (JSON Lines) pipes into jq and friends. */
    static String jsonLine(Object tree) {
        try {
            return LINE.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Long> shape(long[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }
}
