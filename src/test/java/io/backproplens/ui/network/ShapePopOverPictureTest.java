package io.backproplens.ui.network;

import io.backproplens.ui.audit.LayoutAudit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.backproplens.ui.network.LensAppFixture.await;
import static io.backproplens.ui.network.LensAppFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes PopOver at the classroom's sizes, 1280x720 and 1024x768, at 100% and 200%: it lies
 * wholly inside the window, the layout audit finds nothing in it (nothing cut, no text under
 * 14 px x scale), its shapes and sentences are at least 20 px x scale, and a picture of the window
 * with the PopOver over it is written to {@code target/shape-popover/} to be looked at (the
 * snapshot command pictures one scene, and a PopOver is a window of its own).
 */
@ExtendWith(ApplicationExtension.class)
class ShapePopOverPictureTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = new LensAppFixture(stage, s -> s.withBatch(300)); }

    @Test
    void thePopOverFitsTheWindowAtEverySizeAndScale() throws Exception {
        app.awaitPass("a 300-row pass", p -> p.settings().batch() == 300);
        int last = fx(() -> app.view.pass().trace().size() - 1);
        int firstBackward = fx(() -> {
            var steps = app.view.pass().trace().steps();
            for (int i = 0; i < steps.size(); i++) if (steps.get(i).phase() == io.backproplens.engine.TraceStep.Phase.BACKWARD) return i;
            return -1;
        });
        Path dir = Path.of("target", "shape-popover");
        Files.createDirectories(dir);
        // w1.g's short formula, and the loss's long one (wider than the window at 150% and 200%).
        String[][] formulas = {{"w1.g = x.t() @ l1.g", "w1g"}, {null, "outg"}};
        for (int[] size : new int[][]{{1920, 1080}, {1024, 768}, {1280, 720}}) {
            for (double scale : new double[]{2, 1.5, 1}) {
                for (String[] formula : formulas) {
                    String setup = size[0] + "x" + size[1] + "@" + scale + " " + formula[1];
                    int step = formula[1].equals("w1g") ? last : firstBackward;
                    ShapePopOver pop = fx(() -> app.view.formulas().why());
                    fx(() -> {
                        pop.hide();
                        // On the (1920x1080) screen: a popup is kept inside the screen, not the window.
                        app.stage.setX(0);
                        app.stage.setY(0);
                        app.stage.setWidth(size[0]);
                        app.stage.setHeight(size[1]);
                        app.state.presentation.scale.set(scale);
                        app.state.step.set(step);
                    });
                    await(setup + ": the step's backward formulas", 30, () -> {
                        app.view.showStep();
                        return (formula[0] == null ? app.view.formulas().formulas().stream().anyMatch(f -> f.startsWith("out.g"))
                                : app.view.formulas().formulas().contains(formula[0])) && app.view.lookup("#formula-0-why") != null;
                    });
                    int k = formula[0] == null ? 0 : fx(() -> app.view.formulas().formulas().indexOf(formula[0]));
                    fx(() -> app.view.formulas().scrollTo(k));
                    fx(() -> ((Button) app.view.lookup("#formula-" + k + "-why")).fire());
                    await(setup + ": the PopOver", 30, pop::showing);
                    await(setup + ": the PopOver laid out", 30, () -> pop.popOver().getContentNode().getLayoutBounds().getWidth() > 0);
                    Node content = fx(() -> pop.popOver().getContentNode());
                    Bounds window = fx(() -> app.stage.getScene().getRoot().localToScreen(app.stage.getScene().getRoot().getLayoutBounds()));
                    // Placed once, where its measured size fits: nothing moves it after it is shown, so
                    // where it first comes to rest (a pulse later) is where it stays.
                    fx(() -> pop.popOver().getScene().getRoot().layout());
                    Bounds on = fx(() -> content.localToScreen(content.getLayoutBounds()));
                    write(dir.resolve("shape-popover-" + size[0] + "x" + size[1] + "@" + (int) (scale * 100) + "-" + formula[1] + ".png"));
                    // Measured before it was shown, at the size it then took: that is what it was placed by.
                    javafx.geometry.Dimension2D measured = fx(pop::measured);
                    assertThat(on.getHeight()).as(setup + ": shown height vs measured " + measured).isCloseTo(measured.getHeight(), org.assertj.core.data.Offset.offset(1.0));
                    assertThat(on.getWidth()).as(setup + ": shown width vs measured " + measured).isCloseTo(measured.getWidth(), org.assertj.core.data.Offset.offset(1.0));
                    assertThat(window.contains(on)).as(setup + ": the PopOver " + on + " inside the window " + window).isTrue();
                    List<LayoutAudit.Problem> problems = fx(() -> LayoutAudit.of(pop.popOver().getScene(), 14 * scale));
                    assertThat(problems).as(setup).isEmpty();
                    for (String id : new String[]{"#shape-formula", "#shape-operand-0-shape", "#shape-lineup", "#shape-why-0"}) {
                        double px = fx(() -> ((Label) content.lookup(id)).getFont().getSize());
                        assertThat(px).as(setup + " " + id).isGreaterThanOrEqualTo(20 * scale - 0.01);
                    }
                    // The formula is whole: broken into lines where it is wider than the window, never cut.
                    String shown = fx(() -> ((Label) content.lookup("#shape-formula")).getText());
                    assertThat(shown.replaceAll("\\s+", "")).as(setup).isEqualTo(pop.story().formula().replaceAll("\\s+", ""));
                }
            }
        }
    }

    /** The window's picture with the PopOver's drawn over it where it stands on the screen. */
    private void write(Path file) throws Exception {
        BufferedImage picture = fx(() -> {
            WritableImage main = app.stage.getScene().snapshot(null);
            WritableImage over = app.view.formulas().why().popOver().getScene().snapshot(null);
            BufferedImage out = SwingFXUtils.fromFXImage(main, null);
            Graphics2D g = out.createGraphics();
            javafx.stage.Window pw = app.view.formulas().why().popOver().getScene().getWindow();
            g.drawImage(SwingFXUtils.fromFXImage(over, null), (int) Math.round(pw.getX() - app.stage.getX() - app.stage.getScene().getX()),
                    (int) Math.round(pw.getY() - app.stage.getY() - app.stage.getScene().getY()), null);
            g.dispose();
            return out;
        });
        ImageIO.write(picture, "png", file.toFile());
    }
}
