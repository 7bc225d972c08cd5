package io.backproplens.ui.audit;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** Each defect the projector issue lists, built on purpose, is found; a clean layout has none. */
@ExtendWith(ApplicationExtension.class)
class LayoutAuditTest {
    private Stage stage;

    @Start
    void start(Stage stage) { this.stage = stage; }

    private List<LayoutAudit.Kind> audit(Pane root, double w, double h) {
        return fx(() -> {
            Scene scene = new Scene(root, w, h);
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            root.layout();
            return LayoutAudit.of(scene, 14).stream().map(LayoutAudit.Problem::kind).toList();
        });
    }

    private static Label label(String text, double px) {
        Label l = new Label(text);
        l.setFont(Font.font(px));
        return l;
    }

    @Test
    void aCleanLayoutHasNoProblems() {
        Button next = new Button("Next");
        next.setFont(Font.font(16));
        assertThat(audit(new VBox(label("Step 8 of 8: lin1, backward", 20), next), 400, 200)).isEmpty();
    }

    @Test
    void aLabelCutToAnEllipsisIsTruncated() {
        Label l = label("Check gradients against SameDiff", 20);
        l.setMaxWidth(80);
        assertThat(audit(new VBox(l), 400, 200)).containsExactly(LayoutAudit.Kind.TRUNCATED);
    }

    @Test
    void smallTextIsBelowTheFloor() {
        assertThat(audit(new VBox(label("tick 0.5", 9)), 400, 200)).containsExactly(LayoutAudit.Kind.TOO_SMALL);
    }

    @Test
    void textPlacedOnTextOverlaps() {
        Pane p = new Pane(label("(0.6082 - 4)²", 20), label("loss", 20));
        assertThat(audit(p, 400, 200)).contains(LayoutAudit.Kind.OVERLAP);
    }

    /**
     * A PopOver's scene is a window of its own: what it shows beyond the main window it stands
     * over (the area given, in the PopOver's coordinates) leaves the window too.
     */
    @Test
    void aPopupsTextBeyondTheWindowUnderItIsOutside() {
        Label inside = label("Seed", 20), beyond = label("ReLU shift", 20);
        inside.relocate(10, 10);
        beyond.relocate(200, 10);  // runs past x = 250, where the window under it ends
        Pane popup = new Pane(inside, beyond);
        List<LayoutAudit.Problem> found = fx(() -> {
            Scene scene = new Scene(popup, 400, 100);
            stage.setScene(scene);
            stage.show();
            popup.applyCss();
            popup.layout();
            return LayoutAudit.of(scene, 14, new javafx.geometry.BoundingBox(-500, -300, 750, 600));
        });
        assertThat(found).extracting(LayoutAudit.Problem::kind).containsExactly(LayoutAudit.Kind.OUTSIDE);
        assertThat(found.get(0).detail()).contains("'ReLU shift'");
        assertThat(fx(() -> LayoutAudit.of(popup.getScene(), 14, new javafx.geometry.BoundingBox(-500, -300, 1000, 600)))).isEmpty();
    }

    @Test
    void textBeyondTheWindowIsOutside() {
        Label far = label("lin2", 20);
        far.relocate(380, 10);
        assertThat(audit(new Pane(far), 400, 200)).containsExactly(LayoutAudit.Kind.OUTSIDE);
    }

    @Test
    void aScrollPaneThatHidesRowsIsReportedUnlessScrollingIsItsPoint() {
        VBox rows = new VBox();
        for (int i = 0; i < 20; i++) rows.getChildren().add(label("row " + i, 20));
        ScrollPane sp = new ScrollPane(rows);
        sp.setPrefViewportHeight(60);
        assertThat(audit(new VBox(sp), 400, 200)).contains(LayoutAudit.Kind.HIDDEN_BY_SCROLL);

        VBox rows2 = new VBox();
        for (int i = 0; i < 20; i++) rows2.getChildren().add(label("row " + i, 20));
        ScrollPane log = new ScrollPane(rows2);
        log.setPrefViewportHeight(60);
        log.getProperties().put(LayoutAudit.SCROLLS, true);
        assertThat(audit(new VBox(log), 400, 200)).doesNotContain(LayoutAudit.Kind.HIDDEN_BY_SCROLL);
    }

    /**
     * A block a pager hides from its first page is content the class does not see by default:
     * reported, though hidden nodes are otherwise skipped; an unmarked hidden node (a closed
     * message) and a log (which may page) are not.
     */
    @Test
    void aBlockPagedAwayFromTheFirstPageIsReported() {
        Label picture = label("broadcast: b[0,:] under every row", 20);
        VBox pagedBlock = new VBox(picture);
        pagedBlock.setVisible(false);
        pagedBlock.getProperties().put(LayoutAudit.PAGED_AWAY, true);
        Label closed = label("no message now", 20);
        closed.setVisible(false);
        VBox log = new VBox(label("step 1: result[0,0] += 2", 20));
        log.setVisible(false);
        log.getProperties().put(LayoutAudit.PAGED_AWAY, true);
        log.getProperties().put(LayoutAudit.SCROLLS, true);
        assertThat(audit(new VBox(label("a @ b", 20), pagedBlock, closed, log), 400, 300))
                .containsExactly(LayoutAudit.Kind.PAGED_AWAY);
        VBox hiddenBlock = new VBox(label("broadcast: b[0,:] under every row", 20));
        hiddenBlock.setVisible(false);
        assertThat(audit(new VBox(hiddenBlock), 400, 300)).as("hidden for another reason").isEmpty();
    }

    @Test
    void aLineHalfScrolledOutOfAScrollingPaneDoesNotOverlapTheTextBelowThePane() {
        VBox rows = new VBox();
        for (int i = 0; i < 20; i++) rows.getChildren().add(label("row " + i, 20));
        ScrollPane log = new ScrollPane(rows);
        // A viewport that ends half way through a row, with a status line right under it.
        log.setPrefViewportHeight(70);
        log.setMaxHeight(Region.USE_PREF_SIZE);
        log.getProperties().put(LayoutAudit.SCROLLS, true);
        assertThat(audit(new VBox(log, label("Ready", 20)), 400, 200)).doesNotContain(LayoutAudit.Kind.OVERLAP);

        // Nor, at the window's bottom edge, does it leave the window: its hidden half is scrolled away.
        VBox rows3 = new VBox();
        for (int i = 0; i < 20; i++) rows3.getChildren().add(label("row " + i, 20));
        ScrollPane bottom = new ScrollPane(rows3);
        bottom.getProperties().put(LayoutAudit.SCROLLS, true);
        assertThat(audit(new VBox(bottom), 400, 70)).doesNotContain(LayoutAudit.Kind.OUTSIDE);

        // Text in sight that lies on other text still overlaps.
        Pane p = new Pane(label("out.g 50000x1", 20), label("loss", 20));
        ScrollPane sp = new ScrollPane(p);
        sp.getProperties().put(LayoutAudit.SCROLLS, true);
        assertThat(audit(new VBox(sp), 400, 200)).contains(LayoutAudit.Kind.OVERLAP);
    }

    @Test
    void textPushedWhollyOutOfItsClippedPaneIsHidden() {
        Label gone = label("result[0]", 20);
        gone.relocate(10, 150);
        Pane pane = new Pane(gone);
        pane.setPrefSize(300, 100);
        pane.setMaxSize(300, 100);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(300, 100);
        pane.setClip(clip);
        assertThat(audit(new VBox(pane), 400, 300)).containsExactly(LayoutAudit.Kind.HIDDEN);
    }

    @Test
    void canvasTextIsAuditedToo() {
        Canvas c = new Canvas(300, 100);
        c.getGraphicsContext2D().setFont(Font.font(8));
        DrawnText.fillText(c, "0.25", 10, 50);
        assertThat(audit(new Pane(c), 400, 200)).containsExactly(LayoutAudit.Kind.TOO_SMALL);

        Canvas wide = new Canvas(300, 100);
        wide.getGraphicsContext2D().setFont(Font.font(16));
        DrawnText.fillText(wide, "layer 50", 290, 50);
        wide.relocate(100, 0);
        assertThat(audit(new Pane(wide), 400, 200)).containsExactly(LayoutAudit.Kind.OUTSIDE);
    }

    @Test
    void aZoomedOutGraphsTextIsMeasuredAtItsScreenSize() {
        Pane graph = new Pane(label("Lin1", 18));
        graph.setScaleX(0.6);
        graph.setScaleY(0.6);
        graph.relocate(100, 50);
        assertThat(audit(new Pane(graph), 400, 200)).containsExactly(LayoutAudit.Kind.TOO_SMALL);
    }
}
