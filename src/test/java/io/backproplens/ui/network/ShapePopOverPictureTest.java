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
        Path dir = Path.of("target", "shape-popover");
        Files.createDirectories(dir);
        for (int[] size : new int[][]{{1280, 720}, {1024, 768}}) {
            for (double scale : new double[]{1, 2}) {
                String setup = size[0] + "x" + size[1] + "@" + scale;
                ShapePopOver pop = fx(() -> app.view.formulas().why());
                fx(() -> {
                    pop.hide();
                    app.stage.setWidth(size[0]);
                    app.stage.setHeight(size[1]);
                    app.state.presentation.scale.set(scale);
                    app.state.step.set(last);
                });
                await(setup + ": lin1's backward formulas", 30, () -> {
                    app.view.showStep();
                    return app.view.formulas().formulas().contains("w1.g = x.t() @ l1.g")
                            && app.view.lookup("#formula-0-why") != null;
                });
                int k = fx(() -> app.view.formulas().formulas().indexOf("w1.g = x.t() @ l1.g"));
                fx(() -> app.view.formulas().scrollTo(k));
                fx(() -> ((Button) app.view.lookup("#formula-" + k + "-why")).fire());
                await(setup + ": the PopOver", 30, pop::showing);
                // A pulse for the popup's layout, then look.
                fx(() -> pop.popOver().getScene().getRoot().layout());
                await(setup + ": the PopOver laid out", 30, () -> pop.popOver().getContentNode().getLayoutBounds().getWidth() > 0);

                Node content = fx(() -> pop.popOver().getContentNode());
                Bounds window = fx(() -> new javafx.geometry.BoundingBox(app.stage.getX(), app.stage.getY(), app.stage.getWidth(), app.stage.getHeight()));
                // It comes to rest inside the window (ControlsFX places it, then it is moved in a pulse later).
                try {
                    await(setup + ": the PopOver inside the window", 10, () -> window.contains(content.localToScreen(content.getLayoutBounds())));
                } catch (AssertionError e) {
                    // Say where it stands, below.
                }
                Bounds on = fx(() -> content.localToScreen(content.getLayoutBounds()));
                write(dir.resolve("shape-popover-" + size[0] + "x" + size[1] + "@" + (int) (scale * 100) + ".png"));
                assertThat(window.contains(on)).as(setup + ": the PopOver " + on + " inside the window " + window).isTrue();
                List<LayoutAudit.Problem> problems = fx(() -> LayoutAudit.of(pop.popOver().getScene(), 14 * scale));
                assertThat(problems).as(setup).isEmpty();
                for (String id : new String[]{"#shape-formula", "#shape-operand-0-shape", "#shape-lineup", "#shape-why-0"}) {
                    double px = fx(() -> ((Label) content.lookup(id)).getFont().getSize());
                    assertThat(px).as(setup + " " + id).isGreaterThanOrEqualTo(20 * scale - 0.01);
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
