package io.backproplens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How long the process has run and how much memory it holds, for the log lines anyone can check
 * on their own machine ("Ready 3.9 s after JVM start, resident 0.93 GB"). Resident memory, not
 * the Java heap: most of this app's memory is ND4J's off-heap arrays.
 */
public final class ProcessVitals {
    private ProcessVitals() {}

    public static long uptimeMs() { return ManagementFactory.getRuntimeMXBean().getUptime(); }

    /** Resident set size in bytes (Linux's /proc/self/status), or -1 where that is not known. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the whole process so far (all threads), in ms; -1 where the JVM cannot tell. */
    public static long cpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /**
     * {@code 3.1 s after JVM start (CPU 5.2 s), resident 0.93 GB}. The CPU time is the figure to
     * compare on a busy machine: wall time there mostly measures the neighbours.
     */
    public static String summary() {
        long rss = residentBytes();
        return String.format(Locale.ROOT, "%.1f s after JVM start (CPU %.1f s), resident %s", uptimeMs() / 1000.0,
                cpuMs() / 1000.0, rss < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f GB", rss / 1e9));
    }
}
