package io.backproplens.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One step of a pass, as the app replays it: which module ran, each equation it evaluated (in the
 * notebook's notation, {@code w.g = inp.t() @ out.g}, and with this model's names bound,
 * {@code w1.g = x.t() @ l1.g}), the tensors each read and wrote, and the typed facts the app shows.
 *
 * @param batch     rows of the module's first argument in this call
 * @param reluShift the ReLU's shift ({@code clamp_min(0.) - shift}); empty for other modules
 */
public record TraceStep(Phase phase, String module, List<Line> lines, long batch, OptionalDouble reluShift) {

    /** UPDATE: the SGD step after a backward, {@code w -= lr * w.g} for each of a layer's tensors. */
    public enum Phase { FORWARD, BACKWARD, UPDATE }

    /**
     * One equation as it ran: its texts, what it read, the one tensor it wrote, and how long its
     * code took (ND4J on the CPU returns when the work is done, so this is the equation's own cost).
     */
    public record Line(String notebook, String bound, List<TensorRef> reads, TensorRef writes, long nanos) {}

    /** The step name the app shows: {@code lin1} going forward, {@code lin1 (backward)} coming back, {@code lin1 (update)}. */
    public String title() {
        return switch (phase) {
            case FORWARD -> module;
            case BACKWARD -> module + " (backward)";
            case UPDATE -> module + " (update)";
        };
    }

    /** The equations in the notebook's generic names. */
    public List<String> formulas() { return lines.stream().map(Line::notebook).toList(); }

    /** The same equations with this model's tensor names. */
    public List<String> bound() { return lines.stream().map(Line::bound).toList(); }

    /**
     * What the step read from before it: each equation's reads, once each, in order, leaving out
     * what an earlier equation of the same step wrote.
     */
    public List<TensorRef> reads() {
        List<TensorRef> reads = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Line l : lines) {
            for (TensorRef r : l.reads()) {
                if (!seen.contains(r.label())) { seen.add(r.label()); reads.add(r); }
            }
            seen.add(l.writes().label());
        }
        return reads;
    }

    /** What the step wrote, one tensor per equation. */
    public List<TensorRef> writes() { return lines.stream().map(Line::writes).toList(); }
}
