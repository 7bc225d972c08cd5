package io.backproplens.ui.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What each Train-view frame costs the FX thread while training runs, three ways:
 * <ul>
 *   <li><b>draw</b>: wall time in the view's AnimationTimer (reading snapshots, drawing the charts,
 *       the tiles and the activity images), and the FX thread's CPU time in it (on a loaded machine
 *       the wall time also holds the time the thread waited for a core), and the time it was
 *       blocked on a lock or waiting (what the trainer's thread could make it wait, if anything);</li>
 *   <li><b>pulse</b>: wall time from that timer to the end of the pulse's CSS and layout (what the
 *       draw's changes cost the scene graph as well), measured with a post-layout pulse listener;</li>
 *   <li><b>cpu</b>: the FX thread's CPU time from one frame to the next: every piece of work it did
 *       in that frame's interval (pulse, rendering hand-off, queued runLater tasks), without the
 *       time it waited for a core on a busy machine.</li>
 * </ul>
 * FX thread only; the numbers are kept, not asserted (the {@code snapshot --train-frames} command
 * prints their percentiles).
 */
final class FrameMeter {
    /** Per-frame numbers of a measured stretch, in milliseconds. */
    record Stats(double[] drawMs, double[] drawCpuMs, double[] drawLockedMs, double[] pulseMs, double[] cpuMs) {
        int frames() { return drawMs.length; }

        /** Nearest-rank percentile (0..100) of a series. */
        static double percentile(double[] values, double p) {
            if (values.length == 0) return Double.NaN;
            double[] s = values.clone();
            Arrays.sort(s);
            return s[Math.max(0, (int) Math.ceil(p / 100.0 * s.length) - 1)];
        }
    }

    private static final int MAX = 100_000;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    private final boolean contention = enableContention(threads);
    private double[] draw = new double[256], drawCpu = new double[256], locked = new double[256], pulse = new double[256], cpu = new double[256];
    private long lockedAtStart;
    private int n;
    private long frameStart = -1, lastCpu = -1;
    private boolean measuring, open;

    /** The timer's frame begins. {@code measured}: training is running and the frame counts. */
    void begin(boolean measured) {
        long cpuNow = cpuTime ? threads.getCurrentThreadCpuTime() : -1;
        if (open) close(Double.NaN);  // no layout pass came after the last frame: nothing to add
        if (measuring && lastCpu >= 0 && n > 0 && Double.isNaN(cpu[n - 1])) cpu[n - 1] = (cpuNow - lastCpu) / 1e6;
        measuring = measured;
        lastCpu = cpuNow;
        lockedAtStart = lockedMillis();
        frameStart = System.nanoTime();
    }

    /** The timer's work is done: the draw time of the frame, in ms. */
    double drawn() {
        double ms = (System.nanoTime() - frameStart) / 1e6;
        if (!measuring || n >= MAX) return ms;
        if (n == draw.length) grow();
        draw[n] = ms;
        drawCpu[n] = cpuTime ? (threads.getCurrentThreadCpuTime() - lastCpu) / 1e6 : Double.NaN;
        locked[n] = contention ? lockedMillis() - lockedAtStart : Double.NaN;
        pulse[n] = Double.NaN;
        cpu[n] = Double.NaN;
        n++;
        open = true;
        return ms;
    }

    /** The pulse's layout is done (a post-layout pulse listener). */
    void laidOut() {
        if (open) close((System.nanoTime() - frameStart) / 1e6);
    }

    private void close(double pulseMs) {
        open = false;
        pulse[n - 1] = Double.isNaN(pulseMs) ? draw[n - 1] : pulseMs;
    }

    void clear() {
        n = 0;
        open = false;
    }

    /**
     * The frames measured since the last {@link #clear}, complete ones only (a frame's CPU time is
     * known at the next frame).
     */
    Stats stats() {
        double[] d = new double[n], dc = new double[n], lk = new double[n], p = new double[n], c = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(pulse[i]) || cpuTime && Double.isNaN(cpu[i])) continue;
            d[k] = draw[i];
            dc[k] = drawCpu[i];
            lk[k] = locked[i];
            p[k] = pulse[i];
            c[k] = cpu[i];
            k++;
        }
        return new Stats(Arrays.copyOf(d, k), cpuTime ? Arrays.copyOf(dc, k) : new double[0],
                contention ? Arrays.copyOf(lk, k) : new double[0], Arrays.copyOf(p, k),
                cpuTime ? Arrays.copyOf(c, k) : new double[0]);
    }

    /** Milliseconds this thread has spent blocked on monitors or waiting, since contention monitoring began. */
    private long lockedMillis() {
        if (!contention) return 0;
        java.lang.management.ThreadInfo i = threads.getThreadInfo(Thread.currentThread().threadId());
        return i == null ? 0 : Math.max(0, i.getBlockedTime()) + Math.max(0, i.getWaitedTime());
    }

    private static boolean enableContention(ThreadMXBean t) {
        try {
            if (!t.isThreadContentionMonitoringSupported()) return false;
            t.setThreadContentionMonitoringEnabled(true);
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private void grow() {
        draw = Arrays.copyOf(draw, draw.length * 2);
        drawCpu = Arrays.copyOf(drawCpu, drawCpu.length * 2);
        locked = Arrays.copyOf(locked, locked.length * 2);
        pulse = Arrays.copyOf(pulse, pulse.length * 2);
        cpu = Arrays.copyOf(cpu, cpu.length * 2);
    }
}
