package io.backproplens.ui.network;

import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the graph draws for a model other than the notebook's (a trained stack of 1 to 8 hidden
 * Lin+ReLU layers, head mse or ce), read from its trace alone (no JavaFX, so it is tested alone):
 * one slot per module in forward order, each with the tensor flowing in and out and a Lin's
 * parameters. From {@link #FOLD_FROM} hidden layers on, the layers between the first and the last
 * hidden one are one "fold" slot, unless expanded: every module's steps still land on a box.
 */
record StackPlan(List<Slot> slots, String lossModule, boolean folded) {
    /** Hidden layers from which the middle ones fold into one box (at 3 the whole stack still reads). */
    static final int FOLD_FROM = 4;
    private static final Pattern PARAM = Pattern.compile("[wb]\\d+");

    enum Kind { LIN, RELU, LOG_SOFTMAX, LOSS, FOLD }

    /**
     * One box: its kind, the modules whose steps light it (one, or a fold's several), the tensor on
     * the edge into it, what it writes, and a Lin's weight and bias labels (else null).
     */
    record Slot(Kind kind, List<String> modules, String in, String out, String w, String b) {
        String module() { return modules.get(0); }
    }

    /** Whether the trace is the notebook's network: lin1, relu, lin2 and mse (the graph with its hidden units). */
    static boolean isNotebook(Trace trace) {
        List<String> fwd = forwardModules(trace);
        return fwd.equals(List.of("lin1", "relu", "lin2", "mse"));
    }

    /** The plan of a trace's model; {@code expanded}: no fold, every layer its own boxes. */
    static StackPlan of(Trace trace, boolean expanded) { return of(trace, expanded, false); }

    /**
     * As {@link #of(Trace, boolean)}; {@code allHidden}: every hidden Lin+ReLU layer folds into one
     * box, before the last Lin and the head (the drawing that fits a 1280 px window at 100%).
     */
    static StackPlan of(Trace trace, boolean expanded, boolean allHidden) {
        List<Slot> all = new ArrayList<>();
        String loss = null;
        for (TraceStep s : trace.steps()) {
            if (s.phase() != TraceStep.Phase.FORWARD) continue;
            String in = null, w = null, b = null;
            for (TensorRef r : s.reads()) {
                String l = r.label();
                if (PARAM.matcher(l).matches()) {
                    if (l.startsWith("w")) w = l;
                    else b = l;
                } else if (in == null && !l.equals("y")) {
                    in = l;
                }
            }
            String out = s.writes().isEmpty() ? null : s.writes().get(0).label();
            Kind kind = s.module().startsWith("lin") ? Kind.LIN : s.module().startsWith("relu") ? Kind.RELU
                    : s.module().equals("log_softmax") ? Kind.LOG_SOFTMAX : Kind.LOSS;
            if (kind == Kind.LOSS) loss = s.module();
            all.add(new Slot(kind, List.of(s.module()), in, out, w, b));
        }
        int depth = (int) all.stream().filter(s -> s.kind() == Kind.RELU).count();
        if (allHidden && !expanded) {
            List<Slot> hidden = all.subList(0, 2 * depth);
            List<Slot> slots = new ArrayList<>();
            slots.add(new Slot(Kind.FOLD, hidden.stream().map(Slot::module).toList(), hidden.get(0).in(),
                    hidden.get(hidden.size() - 1).out(), null, null));
            slots.addAll(all.subList(2 * depth, all.size()));
            return new StackPlan(slots, loss, true);
        }
        if (expanded || depth < FOLD_FROM) return new StackPlan(all, loss, false);
        // Keep lin1, relu1 and the last hidden layer; layers 2 .. depth-1 become one slot.
        List<Slot> slots = new ArrayList<>(all.subList(0, 2));
        List<Slot> middle = all.subList(2, 2 * (depth - 1));
        List<String> modules = middle.stream().map(Slot::module).toList();
        slots.add(new Slot(Kind.FOLD, modules, middle.get(0).in(), middle.get(middle.size() - 1).out(), null, null));
        slots.addAll(all.subList(2 * (depth - 1), all.size()));
        return new StackPlan(slots, loss, true);
    }

    /** Hidden Lin+ReLU layers of the model (a fold counts its own). */
    int depth() {
        int d = 0;
        for (Slot s : slots) {
            if (s.kind() == Kind.RELU) d++;
            if (s.kind() == Kind.FOLD) d += s.modules().size() / 2;
        }
        return d;
    }

    /** The fold slot, or null. */
    Slot fold() {
        for (Slot s : slots) if (s.kind() == Kind.FOLD) return s;
        return null;
    }

    /** Every module some slot lights (all of the model's, folded or not). */
    Set<String> modules() {
        Set<String> m = new java.util.LinkedHashSet<>();
        for (Slot s : slots) m.addAll(s.modules());
        return m;
    }

    /** {@code "Layers 2-7"}: the fold's title, from its first and last layer's numbers. */
    static String foldTitle(Slot fold) {
        String first = fold.modules().get(0).replaceAll("\\D", "");
        String last = fold.modules().get(fold.modules().size() - 1).replaceAll("\\D", "");
        // The notebook names its one ReLU "relu": a fold of layer 1 alone ends there.
        if (last.isEmpty()) last = first;
        return first.equals(last) ? "Layer " + first : "Layers " + first + "-" + last;
    }

    private static List<String> forwardModules(Trace trace) {
        List<String> m = new ArrayList<>();
        for (TraceStep s : trace.steps()) if (s.phase() == TraceStep.Phase.FORWARD) m.add(s.module());
        return m;
    }
}
