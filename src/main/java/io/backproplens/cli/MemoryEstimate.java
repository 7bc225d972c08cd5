package io.backproplens.cli;

import picocli.CommandLine;

import java.lang.management.ManagementFactory;

/**
 * How much memory {@code gradcheck} needs, so that a batch that cannot fit is refused before it
 * starts instead of growing until the kernel kills it (the whole training set grew past 21 GB).
 *
 * <p>The check keeps many float64 copies of the batch alive at once: the data, x.g, SameDiff's
 * graph with its gradients, a copy per perturbed tensor and the activations of every finite
 * difference's two forward passes, which native memory frees only after a garbage collection.
 * The coefficients are fitted from the peak resident memory measured on this command (peaks in
 * MB: 1000 rows 724, 2500 rows 1044, 5000 rows 1579 at nh 50; 1000 rows 3492 at nh 1024; the
 * issue saw 7300 at 20,000 rows), rounded up so that the estimate is above every measurement.
 * The engine's GradientCheck is being rewritten; when it streams its work these go.
 */
final class MemoryEstimate {
    /** The JVM, ND4J's native libraries and the loaded MNIST. */
    static final long BASE_BYTES = 600_000_000L;
    /** float64 copies of one row of x (784 values) alive at the peak. */
    static final long X_COPIES = 56;
    /** float64 copies of one row of the hidden layer (nh values) alive at the peak. */
    static final long HIDDEN_COPIES = 355;
    /** The most the check may take; lower on a machine with less than twice this. */
    static final long CAP_BYTES = 4_000_000_000L;
    /** For the help text, computed by the compiler from the constants above. */
    static final String HELP = BASE_BYTES / 1_000_000 + " MB + " + 8 * X_COPIES * 784 / 1000 + " KB per row + "
            + 8 * HIDDEN_COPIES + " bytes per row and hidden unit, at most " + CAP_BYTES / 1_000_000_000
            + " GB (half the memory on smaller machines): up to " + (CAP_BYTES - BASE_BYTES) / (8 * (X_COPIES * 784 + HIDDEN_COPIES * 50))
            + " rows at nh 50, " + (CAP_BYTES - BASE_BYTES) / (8 * (X_COPIES * 784 + HIDDEN_COPIES * 1024)) + " at nh 1024";

    private MemoryEstimate() {}

    static long bytes(long rows, int nh) {
        return BASE_BYTES + rows * 8 * (X_COPIES * 784 + HIDDEN_COPIES * nh);
    }

    static long limitBytes() {
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return physical > 0 ? Math.min(CAP_BYTES, physical / 2) : CAP_BYTES;
    }

    static int maxRows(int nh, long limit) {
        return (int) Math.max(0, (limit - BASE_BYTES) / (8 * (X_COPIES * 784 + HIDDEN_COPIES * nh)));
    }

    /** Refuses {@code rows} at {@code nh} when it would not fit, naming the limit and what would. */
    static void check(CommandLine cmd, long rows, int nh) {
        long limit = limitBytes();
        long need = bytes(rows, nh);
        if (need > limit) {
            throw new CommandLine.ParameterException(cmd, Text.f("--batch %d at --nh %d needs about %.1f GB for the "
                    + "float64 check, more than its %.1f GB limit: use --batch %d or fewer", rows, nh, need / 1e9,
                    limit / 1e9, maxRows(nh, limit)));
        }
    }
}
