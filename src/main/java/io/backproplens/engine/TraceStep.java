package io.backproplens.engine;

import java.util.List;

/**
 * One step of a pass, as the app replays it: which module ran, the formulas it evaluated in the
 * notebook's notation ({@code w.g = inp.t() @ out.g}), the same formulas with this model's tensor
 * names bound ({@code w1.g = x.t() @ l1.g}), and the tensors it read and wrote.
 */
public record TraceStep(Phase phase, String module, List<String> formulas, List<String> bound,
                        List<TensorRef> reads, List<TensorRef> writes) {

    public enum Phase { FORWARD, BACKWARD }

    /** The step name the app shows: {@code lin1} going forward, {@code lin1 (backward)} coming back. */
    public String title() {
        return phase == Phase.FORWARD ? module : module + " (backward)";
    }
}
