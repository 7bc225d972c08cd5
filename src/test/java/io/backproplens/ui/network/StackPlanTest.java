package io.backproplens.ui.network;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Params;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the graph draws for a real trained-stack trace: every module on a box, deep stacks folded. */
class StackPlanTest {

    private static Trace pass(int depth, Head head) {
        Params p = Params.init(Init.KAIMING, depth, 6, head.outputs(), 3, DataType.DOUBLE);
        Model m = Model.stack(p, head, 0).inputGrad(true);
        double[] labels = {3, 1, 4, 1};
        m.call(new Tensor("x", Nd4j.rand(DataType.DOUBLE, 4, 784)), new Tensor("y", Nd4j.create(labels)));
        m.backward();
        return m.trace();
    }

    private static Set<String> traceModules(Trace t) {
        Set<String> s = new LinkedHashSet<>();
        for (TraceStep st : t.steps()) s.add(st.module());
        return s;
    }

    @Test
    void theNotebooksNetworkIsRecognisedAndADeeperOrCeOneIsNot() {
        assertThat(StackPlan.isNotebook(pass(1, Head.MSE))).isTrue();
        assertThat(StackPlan.isNotebook(pass(1, Head.CE))).isFalse();
        assertThat(StackPlan.isNotebook(pass(2, Head.MSE))).isFalse();
    }

    @Test
    void depthTwoCeDrawsEveryModuleInForwardOrderWithItsTensors() {
        StackPlan plan = StackPlan.of(pass(2, Head.CE), false);
        assertThat(plan.folded()).isFalse();
        assertThat(plan.slots()).extracting(StackPlan.Slot::module)
                .containsExactly("lin1", "relu1", "lin2", "relu2", "lin3", "log_softmax", "nll");
        assertThat(plan.slots()).extracting(StackPlan.Slot::in)
                .containsExactly("x", "l1", "l2", "l3", "l4", "out", "sm_pred");
        assertThat(plan.slots().get(2).w()).isEqualTo("w2");
        assertThat(plan.slots().get(4).b()).isEqualTo("b3");
        assertThat(plan.lossModule()).isEqualTo("nll");
    }

    /** The drawing that fits 1280 px at 100%: every hidden layer in one box, then the last Lin and the head. */
    @Test
    void foldingEveryHiddenLayerLeavesTheLastLinAndTheHeadAndLightsEveryModule() {
        Trace t = pass(2, Head.CE);
        StackPlan fit = StackPlan.of(t, false, true);
        assertThat(fit.folded()).isTrue();
        assertThat(fit.depth()).isEqualTo(2);
        assertThat(fit.slots()).extracting(StackPlan.Slot::module).containsExactly("lin1", "lin3", "log_softmax", "nll");
        assertThat(fit.fold().modules()).containsExactly("lin1", "relu1", "lin2", "relu2");
        assertThat(fit.slots()).extracting(StackPlan.Slot::in).containsExactly("x", "l4", "out", "sm_pred");
        assertThat(StackPlan.foldTitle(fit.fold())).isEqualTo("Layers 1-2");
        assertThat(fit.modules()).containsExactlyInAnyOrderElementsOf(traceModules(t));
        // One hidden layer (ce at depth 1): "Layer 1"; unfolded on a click, every module its own box.
        StackPlan one = StackPlan.of(pass(1, Head.CE), false, true);
        assertThat(StackPlan.foldTitle(one.fold())).isEqualTo("Layer 1");
        assertThat(one.slots()).extracting(StackPlan.Slot::module).containsExactly("lin1", "lin2", "log_softmax", "nll");
        assertThat(StackPlan.of(t, true, true).folded()).isFalse();
        // Depth 8: the fold holds all sixteen hidden modules.
        StackPlan eight = StackPlan.of(pass(8, Head.MSE), false, true);
        assertThat(eight.fold().modules()).hasSize(16).startsWith("lin1").endsWith("relu8");
        assertThat(eight.slots()).extracting(StackPlan.Slot::module).containsExactly("lin1", "lin9", "mse");
    }

    @Test
    void depthEightFoldsLayersTwoToSevenIntoOneBoxAndStillLightsEveryModule() {
        Trace t = pass(8, Head.CE);
        StackPlan folded = StackPlan.of(t, false);
        assertThat(folded.folded()).isTrue();
        assertThat(folded.depth()).isEqualTo(8);
        assertThat(folded.slots()).extracting(StackPlan.Slot::module)
                .containsExactly("lin1", "relu1", "lin2", "lin8", "relu8", "lin9", "log_softmax", "nll");
        StackPlan.Slot fold = folded.fold();
        assertThat(fold.modules()).hasSize(12).startsWith("lin2", "relu2").endsWith("lin7", "relu7");
        assertThat(fold.in()).isEqualTo("l2");
        assertThat(fold.out()).isEqualTo("l14");
        assertThat(folded.slots().get(3).in()).as("lin8 reads what the fold writes").isEqualTo("l14");
        assertThat(StackPlan.foldTitle(fold)).isEqualTo("Layers 2-7");
        assertThat(folded.modules()).containsExactlyInAnyOrderElementsOf(traceModules(t));

        StackPlan open = StackPlan.of(t, true);
        assertThat(open.folded()).isFalse();
        assertThat(open.slots()).hasSize(19);
        assertThat(open.modules()).containsExactlyInAnyOrderElementsOf(traceModules(t));
    }

    @Test
    void depthThreeIsNotFolded() {
        assertThat(StackPlan.of(pass(3, Head.MSE), false).slots()).extracting(StackPlan.Slot::module)
                .containsExactly("lin1", "relu1", "lin2", "relu2", "lin3", "relu3", "lin4", "mse");
        assertThat(List.of(StackPlan.FOLD_FROM)).containsExactly(4);
    }
}
