package io.backproplens.ui.network;

import io.backproplens.engine.Head;
import io.backproplens.engine.Init;
import io.backproplens.engine.Model;
import io.backproplens.engine.Params;
import io.backproplens.engine.Tensor;
import io.backproplens.engine.Trace;
import io.backproplens.engine.TraceStep;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph of a depth-8 ce stack (a real engine trace on random inputs): every step of the pass
 * lights a box (a folded layer's lights the fold, whose subtitle names it), and unfolding draws a
 * box for each of the 19 modules on a wider drawing; folding again gives the first drawing back.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkGraphStackTest {
    private NetworkGraph graph;

    @Start
    void start(Stage stage) {
        graph = new NetworkGraph(label -> {});
        stage.setScene(new Scene(new javafx.scene.Group(graph), 1280, 720));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Trace deepCe() {
        Params p = Params.init(Init.KAIMING, 8, 6, 10, 5, DataType.FLOAT);
        Model m = Model.stack(p, Head.CE, 0).inputGrad(true);
        m.call(new Tensor("x", Nd4j.rand(DataType.FLOAT, 4, 784)), new Tensor("y", Nd4j.create(new float[]{7, 2, 1, 0})));
        m.backward();
        return m.trace();
    }

    /**
     * A ce stack of depth 2 on 50,000 rows is about 3,200 units wide as planned; in a pane that shows
     * 1,590 at the floor scale (1280 px at 100%) it folds every hidden layer and fits, every step still
     * lights a box, an unfold click draws every module again, and "fold" gives the fitted drawing back.
     */
    @Test
    void aStackWiderThanThePaneFoldsToFitIt() {
        Params p = Params.init(Init.KAIMING, 2, 50, 10, 5, DataType.FLOAT);
        Model m = Model.stack(p, Head.CE, 0).inputGrad(true);
        m.call(new Tensor("x", Nd4j.rand(DataType.FLOAT, 50_000, 784)), new Tensor("y", Nd4j.zeros(DataType.FLOAT, 50_000)));
        m.backward();
        TraceCursor cursor = new TraceCursor(m.trace());
        double planned = fx(() -> {
            graph.setWidthBudget(Double.MAX_VALUE);
            graph.show(cursor, -1, 0, null);
            return graph.contentWidthProperty().get();
        });
        assertThat(planned).as("as planned, wider than 1280 px shows at the floor").isGreaterThan(1590);
        assertThat(fx(graph::fitted)).isFalse();
        graph.onRefold(() -> graph.show(cursor, -1, 0, null));
        double fitted = fx(() -> {
            graph.setWidthBudget(1590);
            return graph.contentWidthProperty().get();
        });
        assertThat(fx(graph::fitted)).isTrue();
        assertThat(fitted).as("the fitted drawing").isLessThanOrEqualTo(1590);
        assertThat(fx(() -> ((Label) graph.lookup("#fold-sub")).getText())).isEqualTo("2 x Lin+ReLU");
        for (int i = 0; i < cursor.size(); i++) {
            litBox(cursor, i);
        }
        assertThat(fx(() -> graph.chip("sm_pred").getText())).as("at the last step, the shape under the name").isEqualTo("sm_pred\n50000x10");
        fx(() -> { graph.setExpanded(true); return null; });
        assertThat(fx(() -> graph.contentWidthProperty().get())).as("unfolded: every module").isEqualTo(planned);
        fx(() -> { graph.setExpanded(false); return null; });
        assertThat(fx(() -> graph.contentWidthProperty().get())).isEqualTo(fitted);
    }

    @Test
    void everyStepLightsItsBoxFoldedOrNot() {
        TraceCursor cursor = new TraceCursor(deepCe());
        double foldedWidth = fx(() -> {
            graph.show(cursor, -1, 0, null);
            return graph.contentWidthProperty().get();
        });
        assertThat(fx(() -> graph.box("fold"))).as("no module of that name").isNull();
        for (int i = 0; i < cursor.size(); i++) {
            TraceStep s = cursor.step(i);
            Rectangle box = litBox(cursor, i);
            boolean folded = "op-fold".equals(box.getId());
            assertThat(folded).as(s.module() + " folded").isEqualTo(s.module().matches("(lin|relu)[2-7]"));
            if (folded) {
                String sub = fx(() -> ((Label) graph.lookup("#fold-sub")).getText());
                assertThat(sub).startsWith(s.module());
            }
        }
        // Unfold: each module its own box, on a wider drawing.
        double openWidth = fx(() -> {
            graph.setExpanded(true);
            graph.show(cursor, cursor.size() - 1, 0, null);
            return graph.contentWidthProperty().get();
        });
        assertThat(openWidth).isGreaterThan(foldedWidth * 1.5);
        for (int i = 0; i < cursor.size(); i++) {
            String m = cursor.module(i);
            assertThat(fx(() -> graph.box(m).getId())).as(m + " drawn by itself").isEqualTo("op-" + m);
        }
        double again = fx(() -> {
            graph.setExpanded(false);
            graph.show(cursor, -1, 0, null);
            return graph.contentWidthProperty().get();
        });
        assertThat(again).isEqualTo(foldedWidth);
        assertThat(fx(() -> graph.lookup("#loss-value") != null)).isTrue();
    }

    /** Shows {@code step} and returns its module's box, which must exist and be lit for the step's phase. */
    private Rectangle litBox(TraceCursor cursor, int step) {
        TraceStep s = cursor.step(step);
        String style = s.phase() == TraceStep.Phase.BACKWARD ? "active-backward" : "active";
        Rectangle box = fx(() -> {
            graph.show(cursor, step, 0, null);
            return graph.box(s.module());
        });
        assertThat(box).as("a box for " + s.title()).isNotNull();
        assertThat(fx(() -> box.getStyleClass().contains(style))).as(s.title() + " lit").isTrue();
        return box;
    }
}
