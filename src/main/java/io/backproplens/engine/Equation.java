package io.backproplens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a module's maths, declared once as a template with named slots:
 * {@code "{w}.g = {inp}.t() @ {out}.g"}. Everything else is derived from that one string: the
 * notebook's text ({@code w.g = inp.t() @ out.g}), the tensor it writes (the left side), and the
 * tensors it reads (the slots on the right, {@code .g} meaning the gradient).
 */
record Equation(String template, Slot writes, List<Slot> reads) {

    /** A slot named in a template, as a value ({@code {inp}}) or its gradient ({@code {out}.g}). */
    record Slot(String name, boolean grad) {}

    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}(\\.g(?![A-Za-z0-9_]))?");

    static Equation parse(String template) {
        int eq = template.indexOf(" = ");
        if (eq < 0) throw new IllegalArgumentException("an equation needs ' = ': " + template);
        List<Slot> left = slots(template.substring(0, eq));
        if (left.size() != 1) throw new IllegalArgumentException("an equation writes exactly one slot: " + template);
        List<Slot> right = new ArrayList<>();
        for (Slot s : slots(template.substring(eq + 3))) if (!right.contains(s)) right.add(s);
        return new Equation(template, left.get(0), List.copyOf(right));
    }

    private static List<Slot> slots(String text) {
        List<Slot> found = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        while (m.find()) found.add(new Slot(m.group(1), m.group(2) != null));
        return found;
    }

    /** The notebook's generic text: the braces dropped. */
    String notebook() { return SLOT.matcher(template).replaceAll(r -> r.group(1) + (r.group(2) == null ? "" : ".g")); }

    /**
     * The text with this call's tensor names, in one pass over the template, so neither the order
     * of the slots nor a tensor that happens to be named like a slot can change the result.
     */
    String bind(java.util.function.Function<String, String> nameOf) {
        return SLOT.matcher(template).replaceAll(r ->
                Matcher.quoteReplacement(nameOf.apply(r.group(1)) + (r.group(2) == null ? "" : ".g")));
    }
}
