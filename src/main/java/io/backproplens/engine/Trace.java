package io.backproplens.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered steps of one forward and backward pass. The UI learns what happened only from here. */
public final class Trace {
    private final List<TraceStep> steps = new ArrayList<>();

    void add(TraceStep step) { steps.add(step); }

    public List<TraceStep> steps() { return Collections.unmodifiableList(steps); }

    public int size() { return steps.size(); }

    public TraceStep get(int i) { return steps.get(i); }

    /**
     * Every tensor that exists after steps {@code 0..upTo} (inclusive; -1 means before the first
     * step: only what was read as an input), by label, in the order they appeared.
     */
    public Map<String, TensorRef> tensorsAfter(int upTo) {
        Map<String, TensorRef> seen = new LinkedHashMap<>();
        for (TraceStep s : steps) {
            for (TensorRef r : s.reads()) if (!produced(r)) seen.putIfAbsent(r.label(), r);
        }
        for (int i = 0; i <= upTo && i < steps.size(); i++) {
            for (TensorRef r : steps.get(i).reads()) seen.putIfAbsent(r.label(), r);
            for (TensorRef w : steps.get(i).writes()) seen.put(w.label(), w);
        }
        return seen;
    }

    /** Whether some step writes this tensor: such a tensor does not exist before that step. */
    private boolean produced(TensorRef ref) {
        for (TraceStep s : steps) {
            for (TensorRef w : s.writes()) if (w.label().equals(ref.label())) return true;
        }
        return false;
    }
}
