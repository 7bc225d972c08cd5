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
}
