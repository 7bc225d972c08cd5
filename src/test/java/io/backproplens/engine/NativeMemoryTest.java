package io.backproplens.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The JVM really takes the settings that let dead arrays' native memory go back within seconds. */
class NativeMemoryTest {
    @Test
    void underG1TheRunningJvmCollectsPeriodicallyAndMayShrinkItsHeap() {
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
        assumeTrue(g1, "the periodic collection is a G1 setting");
        assertThat(NativeMemory.collectPeriodically()).isTrue();
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertThat(hotspot.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo(Long.toString(NativeMemory.PERIODIC_GC_MS));
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(Integer.toString(NativeMemory.MAX_HEAP_FREE_PERCENT));
        assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(Integer.toString(NativeMemory.MIN_HEAP_FREE_PERCENT));
    }

    /**
     * What glibc keeps after ND4J frees arrays goes back to the system. The pattern that keeps it:
     * one large array freed (glibc then serves arrays up to its size from its own heap), then many
     * arrays of a few MB made and freed, as a gradient check or a depth sweep does.
     */
    @Test
    void trimGivesBackTheMemoryFreedArraysLeftResident() {
        assumeTrue(io.backproplens.bench.ProcessVitals.residentBytes() > 0, "resident memory is read from /proc/self/status");
        assumeTrue(NativeMemory.trim(), "malloc_trim is glibc's");
        org.nd4j.linalg.factory.Nd4j.scalar(0f);
        org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8 << 20).close();  // 32 MB
        java.util.List<org.nd4j.linalg.api.ndarray.INDArray> live = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) live.add(org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1 << 20));  // 4 MB each
        long held = io.backproplens.bench.ProcessVitals.residentBytes();
        for (org.nd4j.linalg.api.ndarray.INDArray a : live) a.close();
        long freed = io.backproplens.bench.ProcessVitals.residentBytes();
        assertThat(NativeMemory.trim()).isTrue();
        long trimmed = io.backproplens.bench.ProcessVitals.residentBytes();
        // 400 MB were freed; without the trim most of it stays resident.
        assertThat(held - trimmed).as("resident bytes given back: held %d, after free %d, after trim %d", held, freed, trimmed)
                .isGreaterThan(300L << 20);
    }
}
