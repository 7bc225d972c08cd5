package io.backproplens.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers the seed notebook printed, read from {@code /notebook/printed.properties} (copied
 * from the notebook's outputs): the one source for every place that shows the notebook's number
 * beside the app's ({@code notebook: 24.3061}), with the reason when the two must differ.
 */
public final class NotebookPrinted {
    /** Why a number may differ from the app's. */
    public enum Kind {
        /** The same MNIST: the same digits. */
        DATA(null),
        /** Its torch draws were unseeded. */
        WEIGHTS("the notebook's weights were unseeded: the same size, not the same digits"),
        /** Its times are Python and PyTorch on the author's machine. */
        TIME("the notebook's times are Python (PyTorch) on another machine");

        private final String note;

        Kind(String note) { this.note = note; }

        /** Why the app's number differs, or null when it must not. */
        public String note() { return note; }
    }

    /** One printed number: as printed ({@code 2.1325e-08}), its value, the cell and the kind. */
    public record Number(String key, String text, double value, String cell, Kind kind) {
        /** {@code notebook: 24.3061}. */
        public String beside() { return "notebook: " + text; }
    }

    private static final Map<String, Number> NUMBERS = load();

    private NotebookPrinted() {}

    private static Map<String, Number> load() {
        try (InputStream in = NotebookPrinted.class.getResourceAsStream("/notebook/printed.properties")) {
            if (in == null) throw new IllegalStateException("/notebook/printed.properties is missing from the class path");
            Map<String, Number> out = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int eq = line.indexOf('=');
                String key = line.substring(0, eq).strip();
                String[] parts = line.substring(eq + 1).split("\\|");
                String text = parts[0].strip();
                out.put(key, new Number(key, text, Double.parseDouble(text), parts[1].strip(),
                        Kind.valueOf(parts[2].strip().toUpperCase(java.util.Locale.ROOT))));
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number printed under {@code key} ({@code loss}, {@code kaiming.relu.mean}). */
    public static Number get(String key) {
        Number n = NUMBERS.get(key);
        if (n == null) throw new IllegalArgumentException("the notebook printed no '" + key + "'");
        return n;
    }

    /** The number if the notebook printed one under {@code key}. */
    public static Optional<Number> find(String key) { return Optional.ofNullable(NUMBERS.get(key)); }
}
