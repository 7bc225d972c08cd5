package io.backproplens.ui.core;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settings change's full pass waits for the frames that show the change, and toggles pressed while
 * it waits start one pass, not one each (each would take both cores for a pass nobody sees).
 */
@ExtendWith(ApplicationExtension.class)
class AfterFramesTest {
    @Test
    void requestsWhileWaitingRunTheTaskOnceAfterTheFramesNotAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger ranAtOnce = new AtomicInteger(-1);
        AfterFrames after = new AfterFrames(runs::incrementAndGet);
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            after.request();
            after.request();
            after.request();
            ranAtOnce.set(runs.get());
        });
        assertThat(ranAtOnce.get()).as("runs before the frames are drawn").isZero();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.get() > 0);
        // A few more pulses: the three requests were one run.
        for (int i = 0; i < 5; i++) WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs.get()).isEqualTo(1);

        WaitForAsyncUtils.waitForAsyncFx(5_000, after::request);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runs.get() == 2);
        assertThat(Platform.isFxApplicationThread()).isFalse();
    }
}
