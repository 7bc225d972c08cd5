package io.backproplens.ui;

import javafx.animation.AnimationTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long the FX thread goes without rendering a frame. An AnimationTimer asks for a
 * frame every pulse (about 60 a second); a gap between two frames much longer than 17 ms means
 * the FX thread was busy (or blocked) that long. Reports the longest gap of each background job
 * (start-up, a pass, ...) when it ends, and of the whole run so far.
 *
 * <p>Off unless the app runs with {@code -Dlens.stallMeter=true}: the timer keeps pulses running.
 */
public final class FxStallMeter extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(FxStallMeter.class);
    private long last;
    private long windowMax;
    private long overallMax;
    private String window = "start-up";
    private final long started = System.nanoTime();

    /** Installs a meter if {@code lens.stallMeter} is set; returns it or null. */
    public static FxStallMeter installIfRequested(AppState state) {
        if (!Boolean.getBoolean("lens.stallMeter")) return null;
        FxStallMeter m = new FxStallMeter();
        state.busy.addListener((o, was, busy) -> {
            if (busy) {
                m.report();
                m.window = state.status.get();
            } else {
                m.report();
                m.window = "idle";
            }
        });
        m.start();
        LOG.info("FX stall meter on");
        return m;
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            windowMax = Math.max(windowMax, gap);
            overallMax = Math.max(overallMax, gap);
        }
        last = now;
    }

    /** Logs and resets the current window's longest gap. */
    public void report() {
        LOG.info("FX stall: longest frame gap {} ms during [{}] (longest since launch {} ms, {} s after start)",
                windowMax / 1_000_000, window, overallMax / 1_000_000, (System.nanoTime() - started) / 1_000_000_000);
        windowMax = 0;
    }

    public long overallMaxMillis() { return overallMax / 1_000_000; }
}
