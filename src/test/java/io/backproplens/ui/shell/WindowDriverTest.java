package io.backproplens.ui.shell;

import io.backproplens.ui.core.InFlight;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.backproplens.ui.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code snapshot}, its layout audit and Export animation wait for before a picture: a
 * worker's result still to land, and a layout that changes for frames after the work is done
 * (the audit used to look a few frames after the busy flag fell, and counted a half-drawn view).
 * The window alone, no MNIST: the status bar stands in for a view, its text what lands.
 */
@ExtendWith(ApplicationExtension.class)
class WindowDriverTest {
    private LensAppFixture app;

    @Start
    void start(Stage stage) { app = LensAppFixture.start(stage, 1280, 720, s -> {}, false); }

    private String statusShown() {
        return fx(() -> ((org.controlsfx.control.StatusBar) app.window.lookup("#status-bar")).getText());
    }

    @Test
    void settleWaitsForAResultAWorkerHasNotYetHandedBack() throws Exception {
        WindowDriver driver = new WindowDriver(app.window);
        driver.settle();
        InFlight.begin();
        CompletableFuture<Boolean> settled = CompletableFuture.supplyAsync(() -> {
            try {
                return driver.settle();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        driver.pulses(10);
        assertThat(settled).as("settled while a worker's result was still to land").isNotDone();

        fx(() -> { app.state.status.set("inspected"); return null; });
        InFlight.end();
        assertThat(settled.get(120, TimeUnit.SECONDS)).as("came to rest").isTrue();
        assertThat(statusShown()).isEqualTo("inspected");
    }

    @Test
    void settleWaitsUntilTheLayoutStopsChanging() throws Exception {
        WindowDriver driver = new WindowDriver(app.window);
        driver.settle();
        // Idle, but the window changes on each of the next 12 frames (a chart drawn a pulse late,
        // a bar re-fitted in a runLater, and so on, one after the other).
        AtomicInteger left = new AtomicInteger(12);
        Runnable frame = () -> {
            if (left.get() > 0) {
                app.state.status.set("frame " + left.decrementAndGet());
                Platform.requestNextPulse();
            }
        };
        fx(() -> { app.window.getScene().addPostLayoutPulseListener(frame); app.state.status.set("frame 12"); return null; });
        try {
            assertThat(driver.settle()).as("came to rest").isTrue();
            assertThat(left.get()).as("frames still to change when settle returned").isZero();
            assertThat(statusShown()).isEqualTo("frame 0");
        } finally {
            fx(() -> { app.window.getScene().removePostLayoutPulseListener(frame); return null; });
        }
    }
}
