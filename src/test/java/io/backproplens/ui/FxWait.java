package io.backproplens.ui;

import io.backproplens.ui.core.ErrorDialogs;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * How a UI test reads and waits on the FX thread: run a piece of work there and take its result,
 * or wait for a condition checked there, failing with what was awaited and the last error the app
 * showed. Waits on conditions, never on the clock.
 */
public final class FxWait {
    private FxWait() {}

    /** Runs {@code c} on the FX thread and returns its result (at most 120 s: the UI suite runs on busy cores). */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to {@code seconds} until {@code condition}, checked on the FX thread, holds. */
    public static void await(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what
                    + " (last error: " + ErrorDialogs.lastMessage() + ")", e);
        }
    }
}
