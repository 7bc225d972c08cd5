package io.backproplens.ui.shell;

import io.backproplens.ui.core.AppState;
import io.backproplens.ui.core.Background;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures FX-thread stalls two ways, per background job (start-up load, a pass, ...):
 * <ul>
 *   <li><b>blocked</b>: a probe thread posts a {@code Platform.runLater} every 10 ms and measures how
 *       long it waits to run: the time the FX thread was busy with something else (layout, CSS,
 *       our code), i.e. how long a click would go unanswered;</li>
 *   <li><b>frame gap</b>: an AnimationTimer's longest gap between two frames: what the user sees,
 *       which also includes rendering (software rendering of a 1920x1080 window competes with the
 *       background pass for the same cores).</li>
 * </ul>
 * When the FX thread is blocked over 100 ms, it samples its stack every 20 ms and logs the samples.
 * Off unless the app runs with {@code -Dlens.stallMeter=true}.
 */
public final class FxStallMeter extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(FxStallMeter.class);
    private long lastFrame;
    private long frameMax, frameMaxAll;
    private final AtomicLong blockedMax = new AtomicLong();
    private final AtomicLong blockedMaxAll = new AtomicLong();
    // The FX thread's own CPU time during the longest block: the work, without waiting for a core.
    private final AtomicLong cpuOfMax = new AtomicLong();
    private final AtomicLong cpuOfMaxAll = new AtomicLong();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private String window = "start-up";
    private final long started = System.nanoTime();
    private volatile long postedAt;      // when the pending probe was posted; 0 when none
    private volatile Thread fxThread;

    /** Installs a meter if {@code lens.stallMeter} is set; returns it or null. */
    public static FxStallMeter installIfRequested(AppState state) {
        if (!Boolean.getBoolean("lens.stallMeter")) return null;
        FxStallMeter m = new FxStallMeter();
        // Background sets busy before the status text and clears it before "Ready": name a job's
        // window by its status when it ends.
        state.busy.addListener((o, was, busy) -> {
            if (!busy) m.window = state.status.get();
            m.report();
            m.window = busy ? "?" : "idle (applying results, stepping)";
        });
        m.fxThread = Thread.currentThread();
        m.start();
        Thread probe = new Thread(m::probe, "lens-stall-probe");
        probe.setDaemon(true);
        probe.start();
        LOG.info("FX stall meter on");
        return m;
    }

    @Override
    public void handle(long now) {
        if (lastFrame != 0) {
            frameMax = Math.max(frameMax, now - lastFrame);
            frameMaxAll = Math.max(frameMaxAll, now - lastFrame);
        }
        lastFrame = now;
    }

    /** Logs and resets the current window's longest stalls. */
    public void report() {
        LOG.info("FX stall during [{}]: FX thread blocked at most {} ms ({} ms of it on the CPU), longest frame gap {} ms "
                        + "(since launch: blocked {} ms ({} ms CPU), frame gap {} ms; {} s after start; load average {})",
                window, blockedMax.getAndSet(0) / 1_000_000, cpuOfMax.getAndSet(0) / 1_000_000, frameMax / 1_000_000,
                blockedMaxAll.get() / 1_000_000, cpuOfMaxAll.get() / 1_000_000, frameMaxAll / 1_000_000,
                (System.nanoTime() - started) / 1_000_000_000,
                String.format(java.util.Locale.ROOT, "%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        frameMax = 0;
    }

    public long blockedMaxMillis() { return blockedMaxAll.get() / 1_000_000; }

    /** Posts one runLater at a time and records how long each waited; samples the FX stack when long. */
    private void probe() {
        Map<String, Integer> samples = new LinkedHashMap<>();
        while (true) {
            long posted = System.nanoTime();
            long cpuAtPost = fxCpu();
            postedAt = posted;
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                long cpu = fxCpu() - cpuAtPost;
                if (waited > blockedMax.get()) {
                    blockedMax.set(waited);
                    cpuOfMax.set(cpu);
                }
                if (waited > blockedMaxAll.get()) {
                    blockedMaxAll.set(waited);
                    cpuOfMaxAll.set(cpu);
                }
                postedAt = 0;
            });
            long sampledAt = posted;
            while (postedAt == posted) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                if (now - posted > 100_000_000 && now - sampledAt >= 20_000_000 && fxThread != null) {
                    sampledAt = now;
                    samples.merge(stack(fxThread.getStackTrace()), 1, Integer::sum);
                }
            }
            if (!samples.isEmpty()) {
                StringBuilder out = new StringBuilder();
                samples.forEach((k, v) -> out.append("\n  ").append(v).append(" x").append(k));
                LOG.info("FX thread blocked {} ms ({} ms CPU); where it was, sampled every 20 ms:{}",
                        (System.nanoTime() - posted) / 1_000_000, (fxCpu() - cpuAtPost) / 1_000_000, out);
                samples.clear();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long fxCpu() {
        Thread t = fxThread;
        return t == null ? 0 : Math.max(0, threads.getThreadCpuTime(t.threadId()));
    }

    /** The innermost frames and the app's own frames: enough to see what and who asked. */
    private static String stack(StackTraceElement[] st) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : st) {
            if (shown < 4 || e.getClassName().startsWith("io.backproplens")) {
                s.append("\n      ").append(e);
                if (++shown >= 10) break;
            }
        }
        return s.toString();
    }
}
