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
     * Frees the memory of every array the steps wrote, now: for a pass whose results have been read
     * and are done with. ND4J frees an array's memory only when the collector finds the array dead,
     * and a collector that sees little heap in use runs seldom: the gradient check's hundreds of
     * small passes held 220 MB of dead arrays until a GC. Views (their memory is another array's),
     * arrays ND4J cannot close and an on-demand gradient no one asked for (it is not computed for
     * this) are left alone.
     */
    public void closeWritten() {
        java.util.Set<org.nd4j.linalg.api.ndarray.INDArray> done = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (TraceStep s : steps) {
            for (TraceStep.Line l : s.lines()) {
                TensorRef w = l.writes();
                if (w == null || !w.ready()) continue;
                org.nd4j.linalg.api.ndarray.INDArray a = w.array();
                if (a != null && done.add(a) && !a.isView() && a.closeable()) a.close();
            }
        }
    }

    /**
     * Every tensor that exists after steps {@code 0..upTo} (inclusive; -1 means before the first
     * step: only what was read as an input), by label, in the order they appeared.
     */
    public Map<String, TensorRef> tensorsAfter(int upTo) {
        Map<String, TensorRef> seen = new LinkedHashMap<>();
        // An input is what a step reads before any step has written it (w1 is read by lin1, and
        // written only later by lin1's update).
        java.util.Set<String> written = new java.util.HashSet<>();
        for (TraceStep s : steps) {
            for (TensorRef r : s.reads()) if (!written.contains(r.label())) seen.putIfAbsent(r.label(), r);
            for (TensorRef w : s.writes()) written.add(w.label());
        }
        for (int i = 0; i <= upTo && i < steps.size(); i++) {
            for (TensorRef r : steps.get(i).reads()) seen.putIfAbsent(r.label(), r);
            for (TensorRef w : steps.get(i).writes()) seen.put(w.label(), w);
        }
        return seen;
    }
}
