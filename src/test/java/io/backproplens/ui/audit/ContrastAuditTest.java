package io.backproplens.ui.audit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The contrast check reads the colours CSS gave the nodes, and finds the pairs the issue names. */
@ExtendWith(ApplicationExtension.class)
class ContrastAuditTest {
    private Stage stage;

    @Start
    void start(Stage stage) { this.stage = stage; }


    private List<ContrastAudit.Problem> audit(StackPane root) {
        return fx(() -> {
            Scene scene = new Scene(root, 400, 300);
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            root.layout();
            return ContrastAudit.of(scene, ContrastAudit.AA);
        });
    }

    @Test
    void ratiosAreWcags() {
        // Reference values from the WCAG definition: black on white 21:1, the same colour 1:1.
        assertThat(ContrastAudit.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21, within(1e-9));
        assertThat(ContrastAudit.ratio(Color.web("#777777"), Color.web("#777777"))).isCloseTo(1, within(1e-9));
        // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
        assertThat(ContrastAudit.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.01));
    }

    @Test
    void theIssuesLossValueIsFoundAndReadableTextPasses() {
        Label loss = new Label("loss 0.6082");
        loss.setId("loss-value");
        loss.setStyle("-fx-text-fill: #24292F;");
        Label fine = new Label("readable");
        fine.setStyle("-fx-text-fill: #E6EDF3;");
        VBox pane = new VBox(loss, fine);
        pane.setStyle("-fx-background-color: #0D1117;");
        List<ContrastAudit.Problem> problems = audit(new StackPane(pane));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).startsWith("Label#loss-value");
            assertThat(p.ratio()).as("#24292F on #0D1117, the issue's 1.3:1").isCloseTo(1.3, within(0.05));
            assertThat(p.toString()).contains("#24292F on #0D1117");
        });
    }

    @Test
    void aTranslucentFillIsCompositedOverWhatIsBeneath() {
        // Half-transparent black over white is mid grey (#808080): white text on it is 3.9:1, too low;
        // judged against the white beneath alone it would be 1:1, against black 21:1.
        Label text = new Label("caption");
        text.setStyle("-fx-text-fill: white;");
        StackPane veil = new StackPane(text);
        veil.setStyle("-fx-background-color: rgba(0,0,0,0.5);");
        StackPane root = new StackPane(veil);
        root.setStyle("-fx-background-color: white;");
        List<ContrastAudit.Problem> problems = audit(root);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.background().getRed()).isCloseTo(0.5, within(0.01));
            assertThat(p.ratio()).isCloseTo(3.98, within(0.05));
        });
    }

    @Test
    void aShapeDrawnBeneathTheTextIsItsBackground() {
        // A graph's box: dark title on a white rectangle, the pane behind both dark. Readable.
        Label title = new Label("Lin1");
        title.setStyle("-fx-text-fill: #24292F;");
        javafx.scene.shape.Rectangle box = new javafx.scene.shape.Rectangle(120, 60, Color.WHITE);
        StackPane node = new StackPane(box, title);
        node.setStyle("-fx-background-color: #0D1117;");
        assertThat(audit(new StackPane(node))).isEmpty();
        // Without the box the same title is the issue's unreadable dark on dark.
        javafx.application.Platform.runLater(() -> box.setVisible(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ContrastAudit.of(stage.getScene(), ContrastAudit.AA))).hasSize(1);
    }

    @Test
    void disabledControlsAreExempt() {
        Label grey = new Label("inactive");
        grey.setStyle("-fx-text-fill: #DDDDDD;");
        grey.setDisable(true);
        StackPane root = new StackPane(grey);
        root.setStyle("-fx-background-color: white;");
        assertThat(audit(root)).isEmpty();
    }
}
