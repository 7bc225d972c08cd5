package io.backproplens.bench;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast this machine reads an array from memory: plain Java threads summing the array's own
 * off-heap bytes as 64-bit words, one slice per core. Not an ND4J reduction: one of those over
 * x_train runs at a fraction of the memory's speed, so it would measure ND4J, not memory.
 * The sum is returned so the JIT cannot drop the reads.
 */
final class ReadBandwidth implements Runnable, AutoCloseable {
    private final LongBuffer words;
    private final int threads;
    private final ExecutorService pool;
    private volatile long sink;

    ReadBandwidth(INDArray a) {
        if (a.isView()) throw new IllegalArgumentException("read bandwidth needs a whole array, not a view");
        this.words = a.data().asNio().order(ByteOrder.nativeOrder()).asLongBuffer();
        this.threads = Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "read-bandwidth");
            t.setDaemon(true);
            return t;
        });
    }

    /** Bytes one {@link #run} reads. */
    long bytes() { return (long) words.capacity() * Long.BYTES; }

    @Override
    public void run() {
        int n = words.capacity();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
            parts.add(pool.submit(() -> sum(words, from, to)));
        }
        long s = 0;
        try {
            for (Future<Long> f : parts) s += f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring read bandwidth", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("read bandwidth measurement failed", e.getCause());
        }
        sink = s;
    }

    /** Four independent sums, so the loop is bound by loads rather than by one add chain. */
    private static long sum(LongBuffer b, int from, int to) {
        long s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += b.get(i);
            s1 += b.get(i + 1);
            s2 += b.get(i + 2);
            s3 += b.get(i + 3);
        }
        for (; i < to; i++) s0 += b.get(i);
        return s0 + s1 + s2 + s3;
    }

    long lastSum() { return sink; }

    @Override
    public void close() { pool.shutdownNow(); }
}
