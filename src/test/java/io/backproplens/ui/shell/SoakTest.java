package io.backproplens.ui.shell;

import io.backproplens.bench.ProcessVitals;
import io.backproplens.engine.Init;
import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.ErrorDialogs;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static io.backproplens.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A lesson left running: autoplay through the pass, init toggles and tab switches, headless, for
 * {@code soak.minutes} (30 by default), printing heap and resident memory each minute. Fails on any
 * error the user would have seen, and on memory that keeps growing once every view has been built.
 * Not part of the test command (tag {@code soak}); run it with
 * {@code mvn -B test -Dtest=SoakTest -Dsoak.excludedGroups= -Dsoak.minutes=30}.
 */
@Tag("soak")
@ExtendWith(ApplicationExtension.class)
class SoakTest {
    private static final List<String> TABS = List.of("network", "matmul", "activations", "data", "network");
    private static final Init[] INITS = {Init.RANDN, Init.XAVIER, Init.KAIMING};

    private MainWindow window;
    private AppState state;
    private final List<Throwable> uncaught = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> { synchronized (uncaught) { uncaught.add(e); } });
        LensAppFixture app = LensAppFixture.start(stage, 1280, 720);
        state = app.state;
        window = app.window;
    }

    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> fx(() -> state.pass.get() != null && !state.busy.get()));
    }

    /** Heap used after a GC, and resident memory, in MB. */
    private static long[] memory() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return new long[]{(r.totalMemory() - r.freeMemory()) >> 20, ProcessVitals.residentBytes() >> 20};
    }

    @Test
    void aLessonLeftRunningNeitherFailsNorGrows() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        idle();
        long start = System.nanoTime(), end = start + (long) (minutes * 60e9);
        long[] baseline = null;
        long nextReport = start;
        int round = 0;
        while (System.nanoTime() < end) {
            for (String tab : TABS) {
                fx(() -> { window.selectTab(tab); return null; });
                for (int i = 0; i < 9; i++) fx(() -> { window.frontSteppable().ifPresent(s -> s.next()); return null; });
                idle();
            }
            Init init = INITS[round++ % INITS.length];
            fx(() -> window.controller().update(s -> s.withInit(init)));
            idle();
            if (ErrorDialogs.lastMessage() != null) fail("the app showed an error: " + ErrorDialogs.lastMessage());
            synchronized (uncaught) { if (!uncaught.isEmpty()) throw new AssertionError("uncaught exception", uncaught.get(0)); }
            if (System.nanoTime() >= nextReport) {
                long[] m = memory();
                double at = (System.nanoTime() - start) / 60e9;
                System.out.printf("soak %5.1f min: heap %d MB after GC, resident %d MB%n", at, m[0], m[1]);
                // The first minute builds every view and warms every cache: growth is judged after it.
                if (baseline == null && at >= 1) baseline = m;
                else if (baseline != null) {
                    assertThat(m[0]).as("heap after GC (MB) at %.1f min vs %d at the start", at, baseline[0]).isLessThan(baseline[0] * 3 / 2 + 64);
                    assertThat(m[1]).as("resident memory (MB) at %.1f min vs %d at the start", at, baseline[1]).isLessThan(baseline[1] * 5 / 4 + 256);
                }
                nextReport += 60_000_000_000L;
            }
        }
        assertThat(round).as("rounds of tabs, steps and init toggles").isPositive();
    }
}
