package io.backproplens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a module's maths, declared once as a template with named slots:
 * {@code "{w}.g = {inp}.t() @ {out}.g"}. Everything else is derived from that one string: the
 * notebook's text ({@code w.g = inp.t() @ out.g}), the tensor it writes (the left side), and the
 * tensors it reads (the slots on the right, {@code .g} meaning the gradient). An update,
 * {@code "{w} -= lr * {w}.g"}, also reads what it writes: its left slot comes first among the reads.
 */
record Equation(String template, Slot writes, List<Slot> reads, boolean update) {

    /** A slot named in a template, as a value ({@code {inp}}) or its gradient ({@code {out}.g}). */
    record Slot(String name, boolean grad) {}

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}(\\.g(?![A-Za-z0-9_]))?");

    /** Parsed once per template: a training loop runs the same few lines thousands of times a second. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Equation> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static Equation parse(String template) { return PARSED.computeIfAbsent(template, Equation::parseNew); }

    private static Equation parseNew(String template) {
        boolean update = template.contains(" -= ");
        int eq = template.indexOf(update ? " -= " : " = ");
        if (eq < 0) throw new IllegalArgumentException("an equation needs ' = ' or ' -= ': " + template);
        List<Slot> left = slots(template.substring(0, eq));
        if (left.size() != 1) throw new IllegalArgumentException("an equation writes exactly one slot: " + template);
        List<Slot> right = new ArrayList<>();
        if (update) right.add(left.get(0));
        for (Slot s : slots(template.substring(eq + (update ? 4 : 3)))) if (!right.contains(s)) right.add(s);
        if (update && left.get(0).grad()) throw new IllegalArgumentException("an update writes a value, not a .g: " + template);
        return new Equation(template, left.get(0), List.copyOf(right), update);
    }

    private static List<Slot> slots(String text) {
        List<Slot> found = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        while (m.find()) found.add(new Slot(m.group(1), m.group(2) != null));
        return found;
    }

    /** The notebook's generic text: the braces dropped. */
    String notebook() { return NOTEBOOK.computeIfAbsent(template, t -> SLOT.matcher(t).replaceAll(r -> r.group(1) + (r.group(2) == null ? "" : ".g"))); }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> NOTEBOOK = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The text with this call's tensor names, in one pass over the template, so neither the order
     * of the slots nor a tensor that happens to be named like a slot can change the result.
     */
    String bind(java.util.function.Function<String, String> nameOf) {
        return SLOT.matcher(template).replaceAll(r ->
                Matcher.quoteReplacement(nameOf.apply(r.group(1)) + (r.group(2) == null ? "" : ".g")));
    }
}
