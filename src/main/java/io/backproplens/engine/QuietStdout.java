package io.backproplens.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs code with {@code System.out} captured. SameDiff prints lines such as
 * {@code Added differentiated op matmul} straight to {@code System.out} (not through a logger), which
 * would corrupt a command's JSON output; the captured lines go to the debug log instead.
 */
public final class QuietStdout {
    private static final Logger LOG = LoggerFactory.getLogger(QuietStdout.class);

    private QuietStdout() {}

    /** Serialised: {@code System.out} is one global, so two captures must not interleave. */
    public static synchronized <T> T call(Supplier<T> work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.setOut(original);
            String text = captured.toString(StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) LOG.debug("captured stdout: {}", text);
        }
    }
}
