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

    private NativeMemory() {}

    /**
     * Asks G1 for a concurrent cycle whenever {@link #PERIODIC_GC_MS} pass without a collection
     * ({@code G1PeriodicGCInterval}, a flag the JVM lets a running program set), and lets it
     * shrink the heap to what it needs ({@code Min/MaxHeapFreeRatio}). Does nothing under another
     * collector or where the flags cannot be set.
     *
     * @return whether it was set
     */
    public static boolean collectPeriodically() {
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
