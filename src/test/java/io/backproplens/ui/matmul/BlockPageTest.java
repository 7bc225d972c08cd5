package io.backproplens.ui.matmul;

import io.backproplens.ui.audit.LayoutAudit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The stepper's pager tells the layout audit which blocks the first page leaves out (issue 10's blind spot). */
@ExtendWith(ApplicationExtension.class)
class BlockPageTest {
    private Stage stage;

    @Start
    void start(Stage stage) { this.stage = stage; }

    private static VBox block(String text) {
        Label l = new Label(text);
        l.setFont(Font.font(20));
        VBox b = new VBox(l);
        b.setMinHeight(100);
        b.setPrefHeight(100);
        b.setMaxHeight(Region.USE_PREF_SIZE);
        return b;
    }

    private List<LayoutAudit.Problem> audit(BlockPage page, double h) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(new VBox(page), 400, h);
            page.setPrefHeight(h);
            stage.setScene(scene);
            stage.show();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return LayoutAudit.of(scene, 14);
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void blocksPagedOffTheFirstPageAreReportedAndBlocksThatFitAreNot() throws Exception {
        BlockPage page = new BlockPage();
        VBox grids = block("a @ b = result"), message = block("a[0,1] x b[1,1] = 14"), picture = block("broadcast picture");
        page.add(grids, BlockPage.Column.LEFT);
        page.add(message, BlockPage.Column.LEFT);
        page.add(picture, BlockPage.Column.LEFT);
        // Room for two of the three blocks: the picture goes to the second page.
        List<LayoutAudit.Problem> problems = audit(page, 250);
        assertThat(page.paging()).isTrue();
        assertThat(picture.isVisible()).isFalse();
        assertThat(problems).extracting(LayoutAudit.Problem::kind).containsExactly(LayoutAudit.Kind.PAGED_AWAY);
        assertThat(problems.get(0).detail()).contains("broadcast picture");

        // Paged on, the picture is shown; the audit still reports it, as the first page lacks it.
        WaitForAsyncUtils.asyncFx(() -> { page.showBlock(message); page.layout(); return null; }).get(30, TimeUnit.SECONDS);
        assertThat(picture.isVisible()).isTrue();
        assertThat(grids.isVisible()).isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> LayoutAudit.of(stage.getScene(), 14)).get(30, TimeUnit.SECONDS))
                .as("grids hidden by the user's paging are on the first page: not reported").isEmpty();

        // Room for all three: nothing paged, nothing reported.
        BlockPage roomy = new BlockPage();
        roomy.add(block("a @ b = result"), BlockPage.Column.LEFT);
        roomy.add(block("broadcast picture"), BlockPage.Column.LEFT);
        assertThat(audit(roomy, 250)).isEmpty();
    }
}
