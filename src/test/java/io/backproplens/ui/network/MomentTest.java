package io.backproplens.ui.network;

import io.backproplens.engine.TraceStep;
import io.backproplens.engine.TraceStep.Phase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MomentTest {
    private static List<TraceStep> trace(String... forward) {
        List<TraceStep> t = new ArrayList<>();
        for (String m : forward) t.add(new TraceStep(Phase.FORWARD, m, List.of(), 1, java.util.OptionalDouble.empty()));
        for (int i = forward.length - 1; i >= 0; i--)
            t.add(new TraceStep(Phase.BACKWARD, forward[i], List.of(), 1, java.util.OptionalDouble.empty()));
        return t;
    }

    @Test
    void theNotebooksModelLandsWhereTheLessonsDid() {
        // lin1, relu, lin2, mse, then back: the output is step 3 of 8, the loss step 4, the end step 8.
        List<TraceStep> t = trace("lin1", "relu", "lin2", "mse");
        assertThat(Moment.OUTPUT.in(t)).isEqualTo(2);
        assertThat(Moment.LOSS.in(t)).isEqualTo(3);
        assertThat(Moment.END.in(t)).isEqualTo(7);
    }

    @Test
    void aDeeperModelStillStopsAtItsOutputAndItsLoss() {
        List<TraceStep> t = trace("lin1", "relu1", "lin2", "relu2", "lin3", "mse");
        assertThat(t.get(Moment.OUTPUT.in(t)).module()).isEqualTo("lin3");
        assertThat(t.get(Moment.LOSS.in(t)).module()).isEqualTo("mse");
        assertThat(Moment.END.in(t)).isEqualTo(11);
    }
}
