package io.backproplens.engine;

import java.lang.management.ManagementFactory;

/**
 * When the native memory of dead ND4J arrays goes back to the system. ND4J frees an array's
 * off-heap buffer only after the garbage collector has found its Java object dead. The app's Java
 * heap is small (~100 MB) while each full-batch pass writes ~50-200 MB off the heap, so G1 has
 * little reason to collect its old generation: a pass that lived long enough to be promoted (the
 * one on screen, say) stayed resident for minutes after it was replaced. Measured: 60 init toggles
 * took the resident memory from 0.9 to 2.5 GB with 13 collections in 80 s (docs/performance.md).
 */
public final class NativeMemory {
    /**
     * A concurrent collection when none ran for this long. Concurrent: it does not stop the FX
     * thread the way {@code System.gc()} (a full collection) would.
     */
    public static final long PERIODIC_GC_MS = 3_000;

    /** The heap G1 keeps free after a collection, in percent (the JVM's defaults are 40 and 70). */
    static final int MIN_HEAP_FREE_PERCENT = 20, MAX_HEAP_FREE_PERCENT = 40;

    /** How often the trimmer looks whether a collection ran since it last gave memory back. */
    public static final long TRIM_EVERY_MS = 3_000;

    private static final Object TRIMMER_LOCK = new Object();
    private static Thread trimmer;

    private NativeMemory() {}

    /** The C library's {@code malloc_trim}, through JNA (which ND4J's dependencies bring). */
    private interface LibC extends com.sun.jna.Library {
        int malloc_trim(long pad);
    }

    /** glibc's malloc, or null (another C library, another OS, or JNA missing). */
    private static final LibC LIBC = loadLibc();

    private static LibC loadLibc() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) return null;
        try {
            return (LibC) com.sun.jna.Native.loadLibrary("c", LibC.class);
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Gives the C heap's free pages back to the system ({@code malloc_trim(0)}): ND4J's arrays
     * live in memory from {@code malloc}, and glibc keeps what they free. Once one large array is
     * freed, glibc raises its threshold for serving requests by {@code mmap}, so later arrays of up
     * to that size come from its heap and stay resident after they are freed. Measured here: a
     * gradient check on 2,000 rows left 0.47 GB resident after every array was freed; this call
     * (0.3 s, then well under 1 ms when there is nothing to give back) returned 0.42 GB of it.
     *
     * @return whether it ran (false where glibc is not the C library)
     */
    public static boolean trim() {
        if (LIBC == null) return false;
        try {
            LIBC.malloc_trim(0);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * A daemon thread that calls {@link #trim} every {@link #TRIM_EVERY_MS} when a garbage
     * collection ran since its last call (only then can ND4J have freed arrays). Off the FX
     * thread: the first trim after a large task takes a few hundred milliseconds. Started once.
     */
    public static void trimPeriodically() {
        if (LIBC == null) return;
        synchronized (TRIMMER_LOCK) {
            if (trimmer != null) return;
            trimmer = new Thread(() -> {
                long seen = -1;
                while (true) {
                    try {
                        Thread.sleep(TRIM_EVERY_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = collections();
                    if (now != seen) {
                        seen = now;
                        trim();
                    }
                }
            }, "lens-native-trim");
            trimmer.setDaemon(true);
            trimmer.setPriority(Thread.MIN_PRIORITY);
            trimmer.start();
        }
    }

    private static long collections() {
        long n = 0;
        for (var b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    /**
     * Asks G1 for a concurrent cycle whenever {@link #PERIODIC_GC_MS} pass without a collection
     * ({@code G1PeriodicGCInterval}, a flag the JVM lets a running program set), and lets it
     * shrink the heap to what it needs ({@code Min/MaxHeapFreeRatio}). Does nothing under another
     * collector or where the flags cannot be set. Starts {@link #trimPeriodically} in any case.
     *
     * @return whether the collector's flags were set
     */
    public static boolean collectPeriodically() {
        trimPeriodically();   // what the collections free then goes back to the system too
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot == null) return false;
            boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
            if (!g1) return false;
            hotspot.setVMOption("G1PeriodicGCInterval", Long.toString(PERIODIC_GC_MS));
            // And let those cycles give back heap the app no longer uses: with the default 70%
            // the heap stayed at 360-510 MB committed (all of it resident) for 100-150 MB live.
            hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_HEAP_FREE_PERCENT));
            hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_HEAP_FREE_PERCENT));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
