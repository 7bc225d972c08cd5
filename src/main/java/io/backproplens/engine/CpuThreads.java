package io.backproplens.engine;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many threads ND4J's native code runs, chosen for a machine that others share.
 *
 * <p>Measured here (docs/performance.md): with a busy neighbour, every parallel step waits for its
 * slowest thread, and a thread that shares a core with another process runs at half speed or
 * waits a whole scheduler slice; the pass's dozen short element-wise steps then cost more than its
 * products. So ND4J's own (OpenMP) ops run on the calling thread: at 50,000x50 they are cache-sized
 * and a second thread gains little even on an idle machine. The products (OpenBLAS) get as many
 * threads as there are cores not busy with other work, measured from {@code /proc/stat} just
 * before the pass; where that file does not exist, all cores.
 */
public final class CpuThreads {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** How long the idle cores are measured for when the last measurement is stale. */
    private static final long WINDOW_MS = 15;
    /**
     * How old the last measurement may be and still start the window: the idle share since then
     * (the average over up to this long) stands for the load now. It was 1 s, so every pass more
     * than a second after the last one (every pass of the app, and the benchmark's under load)
     * slept 15 ms first, ~5% of a loaded pass here (docs/performance.md).
     */
    private static final long STALE_MS = 10_000;
    private static long[] last;   // {wall ns, idle ticks, total ticks, own cpu ns}
    private static int blasThreads = CORES;

    private CpuThreads() {}

    /** Sets ND4J's threads for the pass about to run; returns the BLAS thread count it chose. */
    public static synchronized int forNextPass() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        int n = freeCores();
        setBlasThreads(n);
        return n;
    }

    /**
     * One thread for ND4J's ops and for BLAS until the handle is closed, then ND4J's op threads back.
     * What training wants: at bs 64 an op is a few thousand numbers and splitting it costs more than
     * it saves (measured here on 2 busy cores: {@code w1.sub(...)} 17 ms on the default threads,
     * 0.7 ms on one); and how a seeded run repeats bit for bit whatever the machine's load, since a
     * reduction split over threads adds in another order.
     *
     * <p>BLAS is left on one thread when the handle closes. Setting OpenBLAS's thread count costs
     * 0.5-1 ms here even when it does not change (docs/performance.md), more than a whole mini-batch,
     * and a trainer opens a handle for every batch. Whoever wants more BLAS threads says so
     * ({@link #forNextPass()} before every full-batch pass, {@link #allCores()}).
     */
    public static synchronized Single single() { return new Single(); }

    /** The handle of {@link #single()}. */
    public static final class Single implements AutoCloseable {
        private final int ops = Nd4j.getEnvironment().maxThreads();
        private final int master = Nd4j.getEnvironment().maxMasterThreads();

        private Single() {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            setBlasThreads(1);
        }

        @Override
        public void close() {
            synchronized (CpuThreads.class) {
                Nd4j.getEnvironment().setMaxThreads(ops);
                Nd4j.getEnvironment().setMaxMasterThreads(master);
            }
        }
    }

    /** OpenBLAS's thread count, set only when it differs (reading it is free, setting it is not). */
    private static void setBlasThreads(int n) {
        if (Nd4j.factory().blas().getMaxThreads() != n) Nd4j.factory().blas().setMaxThreads(n);
        blasThreads = n;
    }

    /** ND4J's own defaults: every core for its ops and for BLAS (what a plain ND4J program gets). */
    public static synchronized void allCores() {
        Nd4j.getEnvironment().setMaxThreads(CORES);
        Nd4j.getEnvironment().setMaxMasterThreads(CORES);
        setBlasThreads(CORES);
    }

    /** Cores idle or used by this process over the last window, rounded, between 1 and all. */
    static int freeCores() {
        long[] now = sample();
        if (now == null) return CORES;
        if (last == null || (now[0] - last[0]) / 1_000_000 > STALE_MS) {
            try {
                Thread.sleep(WINDOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CORES;
            }
            last = now;
            now = sample();
            if (now == null) return CORES;
        }
        long[] before = last;
        last = now;
        double ticks = now[2] - before[2];
        if (ticks <= 0) return blasThreads;
        double wallNs = now[0] - before[0];
        // Idle share of all cores, plus what this process itself used (its own threads are not rivals).
        double idleCores = CORES * (now[1] - before[1]) / ticks;
        double ownCores = (now[3] - before[3]) / wallNs;
        return (int) Math.max(1, Math.min(CORES, Math.round(idleCores + ownCores)));
    }

    private static long[] sample() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            if (!f[0].equals("cpu") || f.length < 6) return null;
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new long[]{System.nanoTime(), idle, total, own};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
