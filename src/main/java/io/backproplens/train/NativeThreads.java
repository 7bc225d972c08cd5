package io.backproplens.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native thread count, lowered while mini-batches run. At bs 64 each op is a few thousand
 * numbers, and splitting it over OpenMP threads costs more than it saves: measured here, on 2 busy
 * cores, {@code w1.sub(...)} took 17 ms with the default threads and 0.7 ms with one, and a whole
 * bs-64 step about 25x less. The setting is ND4J-wide, so the full-batch pass is slower while a
 * limit is held; {@link #close()} puts the previous count back.
 */
public final class NativeThreads implements AutoCloseable {
    private final int previous, previousMaster;

    private NativeThreads(int n) {
        previous = Nd4j.getEnvironment().maxThreads();
        previousMaster = Nd4j.getEnvironment().maxMasterThreads();
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
    }

    /** Limits ND4J to {@code n} threads until closed. */
    public static NativeThreads limit(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        return new NativeThreads(n);
    }

    @Override
    public void close() {
        Nd4j.getEnvironment().setMaxThreads(previous);
        Nd4j.getEnvironment().setMaxMasterThreads(previousMaster);
    }
}
