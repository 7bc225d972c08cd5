package io.backproplens.ui.network;

import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.TensorRef;
import io.backproplens.engine.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor over a real (small) pass of the engine: what each step offers, reads, writes and says. */
class TraceCursorTest {
    static TraceCursor cursor;

    @BeforeAll
    static void pass() {
        Model m = Model.notebook(Weights.init(Init.KAIMING, 7, 1, DataType.FLOAT), 0).inputGrad(true);
        m.call(new Tensor("x", Nd4j.rand(DataType.FLOAT, 12, 784)), new Tensor("y", Nd4j.rand(DataType.FLOAT, 12)));
        m.backward();
        cursor = new TraceCursor(m.trace());
    }

    @Test
    void walksForwardThenBackwardInReverse() {
        assertThat(cursor.size()).isEqualTo(8);
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) titles.add(cursor.step(i).title());
        assertThat(titles).containsExactly("lin1", "relu", "lin2", "mse",
                "mse (backward)", "lin2 (backward)", "relu (backward)", "lin1 (backward)");
        assertThat(cursor.title(-1)).startsWith("Before the pass");
        assertThat(cursor.title(5)).isEqualTo("Step 6 of 8: lin2, backward");
    }

    @Test
    void offersOnlyWhatExistsAfterTheStep() {
        assertThat(cursor.offered(-1).keySet()).containsExactly("x", "w1", "b1", "w2", "b2", "y");
        assertThat(cursor.offered(3).keySet()).containsExactly("x", "w1", "b1", "w2", "b2", "y", "l1", "l2", "out", "loss");
        assertThat(cursor.offered(7).keySet()).contains("out.g", "l2.g", "w2.g", "b2.g", "l1.g", "x.g", "w1.g", "b1.g")
                .hasSize(18);
        assertThat(cursor.offered(6)).doesNotContainKeys("x.g", "w1.g", "b1.g");
        assertThat(cursor.writes(5)).containsExactly("l2.g", "w2.g", "b2.g");
        assertThat(cursor.reads(5)).containsExactly("out.g", "w2", "l2");  // in the order the equations read them
    }

    @Test
    void formulasCarryNotebookTextBoundNamesAndAlignedShapes() {
        List<TraceCursor.Formula> f = cursor.formulas(5);
        assertThat(f).extracting(TraceCursor.Formula::notebook)
                .containsExactly("inp.g = out.g @ w.t()", "w.g = inp.t() @ out.g", "b.g = out.g.sum(0)");
        assertThat(f).extracting(TraceCursor.Formula::bound)
                .containsExactly("l2.g = out.g @ w2.t()", "w2.g = l2.t() @ out.g", "b2.g = out.g.sum(0)");
        TraceCursor.Formula first = f.get(0);
        // Each shape starts exactly under the tensor it belongs to; w2.t() shows transposed.
        assertThat(first.shapesAligned().substring(first.boundAligned().indexOf("l2.g")).trim()).startsWith("12x7");
        assertThat(first.shapesAligned().substring(first.boundAligned().indexOf("out.g"))).startsWith("12x1");
        assertThat(first.shapesAligned().substring(first.boundAligned().indexOf("w2.t()"))).startsWith("1x7");
        assertThat(cursor.formulas(-1)).isEmpty();
    }

    @Test
    void alignmentKeepsMethodsAndUnknownWordsAsText() {
        Map<String, TensorRef> known = new LinkedHashMap<>(cursor.offered(7));
        // Shapes no wider than their names change nothing in the formula line...
        String[] a = TraceCursor.alignShapes("b1.g = l1.g.sum(0)", known);
        assertThat(a[0]).isEqualTo("b1.g = l1.g.sum(0)");
        assertThat(a[1]).isEqualTo("7      12x7");
        // ...nor do wide shapes with room to spread under the text that follows...
        Map<String, TensorRef> wide = new LinkedHashMap<>();
        wide.put("b1.g", new TensorRef("b1", true, Nd4j.zeros(DataType.FLOAT, 50)));
        wide.put("l1.g", new TensorRef("l1", true, Nd4j.zeros(DataType.FLOAT, 50000, 50)));
        wide.put("w1", new TensorRef("w1", false, Nd4j.zeros(DataType.FLOAT, 784, 50)));
        wide.put("x", new TensorRef("x", false, Nd4j.zeros(DataType.FLOAT, 50000, 784)));
        String[] w = TraceCursor.alignShapes("b1.g = l1.g.sum(0)", wide);
        assertThat(w[0]).isEqualTo("b1.g = l1.g.sum(0)");
        assertThat(w[1]).isEqualTo("50     50000x50");
        // ...but a shape that would run into the next one pushes that token right.
        String[] x = TraceCursor.alignShapes("l1.g = x @ w1.t()", wide);
        assertThat(x[0]).isEqualTo("l1.g    = x        @ w1.t()");
        assertThat(x[1]).isEqualTo("50000x50  50000x784  50x784");
        String[] m = TraceCursor.alignShapes("out.g = 2*(out.squeeze()-y).unsqueeze(-1) / y.shape[0]", known);
        assertThat(m[1].trim().split(" +")).containsExactly("12x1", "12x1", "12", "12");
    }
}
