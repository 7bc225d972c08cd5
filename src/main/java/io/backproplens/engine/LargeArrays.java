package io.backproplens.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * New arrays of 2 MB or more, in huge pages and, where one is free, in memory a dead array of the
 * same size used.
 *
 * <p>Measured here (docs/performance.md): ND4J's {@code createUninitialized} touches every 4 KB
 * page of a new array at once, and a new 50,000x50 float array cost ~6.5 ms of CPU in page faults,
 * ten times the ReLU that fills it (0.6 ms into memory already touched); the pass makes four of them
 * and {@code x.g}, sixteen times that size. The same 10 MB in transparent huge pages (a 2 MB-aligned
 * mapping with {@code MADV_HUGEPAGE}; the kernel here gives huge pages only to mappings that ask)
 * cost 0.3-1 ms, if the memory has been used before. Memory the kernel got back is dearer: this
 * machine is a virtual machine whose balloon has free-page reporting, so the host takes back the
 * large free blocks of the guest, and touching one again cost ~60 ms per 10 MB under load (a C probe:
 * 10 MB mappings kept, 62.9 ms each; unmapped and mapped again, 1.2 ms). NumPy does not pay this:
 * glibc keeps what NumPy frees and hands it out again.
 *
 * <p>So the mappings are kept: when an array is closed ({@code INDArray.close()}) or, like any ND4J
 * array, when the collector finds it unreachable, its mapping goes to a pool of at most
 * {@link #POOL_BYTES}, and a new array of the same size takes it from there. An array's memory is
 * only reused once nothing can reach the array (a view holds the array it views), so what a trace
 * holds never changes. ND4J treats these buffers as external and never frees them itself.
 *
 * <p>Where the mapping cannot be made (not Linux, no native access, a failed call), the array is
 * ND4J's own, as before.
 */
public final class LargeArrays {
    /** One huge page: arrays smaller than this gain nothing and stay ND4J's. */
    static final long HUGE = 2L << 20;

    /**
     * The most memory the pool of unused mappings keeps: a whole pass's arrays (4 x 10 MB and the
     * gradients), so a pass after one the app let go of maps nothing new. It is resident memory, so
     * no more: 256 MB, room for {@code x.g} too, kept the app over 1 GB with every view built.
     */
    static final long POOL_BYTES = 64L << 20;

    /**
     * Mappings larger than this are given back to the system when their array dies, not pooled:
     * {@code x.g} (157 MB at 50,000 rows) is made only when someone looks at it, so keeping its
     * memory for the next one costs far more resident memory than the page faults it saves.
     */
    static final long MAX_POOLED = 32L << 20;

    private static final Cleaner CLEANER = Cleaner.create();
    /** Unused mappings, oldest first. */
    private static final java.util.ArrayDeque<Mapping> POOL = new java.util.ArrayDeque<>();
    private static long pooledBytes;
    private static final ThreadLocal<Boolean> FRESH_ONLY = ThreadLocal.withInitial(() -> false);
    private static final Native NATIVE = Native.load();

    private LargeArrays() {}

    /** A new uninitialised array of the shape and order, in huge pages when it is large enough (float or double). */
    static INDArray uninitialized(DataType dtype, long[] shape, char order) {
        long n = 1;
        for (long d : shape) n *= d;
        long bytes = n * dtype.width();
        if (NATIVE == null || bytes < HUGE || (dtype != DataType.FLOAT && dtype != DataType.DOUBLE)) {
            return Nd4j.createUninitialized(dtype, shape, order);
        }
        Mapping m = FRESH_ONLY.get() ? null : fromPool(bytes);
        if (m == null) m = NATIVE.map(bytes);
        if (m == null) return Nd4j.createUninitialized(dtype, shape, order);
        DataBuffer buffer = dtype == DataType.FLOAT ? new Floats(m, n) : new Doubles(m, n);
        Mapping held = m;
        CLEANER.register(buffer, held::release);
        return Nd4j.create(buffer, shape, Nd4j.getStrides(shape, order), 0, order);
    }

    /** A pooled mapping of the size {@code bytes} needs, or null. */
    private static synchronized Mapping fromPool(long bytes) {
        long size = Native.pages(bytes);
        // The latest first: its memory is the likeliest to be in cache.
        for (java.util.Iterator<Mapping> i = POOL.descendingIterator(); i.hasNext(); ) {
            Mapping m = i.next();
            if (m.size == size) {
                i.remove();
                pooledBytes -= size;
                return new Mapping(m.address, m.size);
            }
        }
        return null;
    }

    /** Keeps a mapping no array uses any more, unmapping the oldest ones beyond {@link #POOL_BYTES}. */
    private static synchronized void toPool(Mapping m) {
        if (m.size > MAX_POOLED) {
            NATIVE.unmap(m.address, m.size);
            return;
        }
        POOL.addLast(m);
        pooledBytes += m.size;
        while (pooledBytes > POOL_BYTES) {
            Mapping old = POOL.removeFirst();
            pooledBytes -= old.size;
            NATIVE.unmap(old.address, old.size);
        }
    }

    /** Unmaps every pooled mapping (for tests that must know what is in the pool). */
    static synchronized void emptyPool() {
        while (!POOL.isEmpty()) {
            Mapping old = POOL.removeFirst();
            pooledBytes -= old.size;
            NATIVE.unmap(old.address, old.size);
        }
    }

    /** Whether the pool holds a mapping an array of {@code bytes} would take. */
    static synchronized boolean pooled(long bytes) {
        long size = Native.pages(bytes);
        return POOL.stream().anyMatch(m -> m.size == size);
    }

    /** Bytes of unused mappings kept for new arrays. */
    public static synchronized long pooledBytes() { return pooledBytes; }

    /**
     * Runs {@code work} with every large array it makes on this thread newly mapped, none from the
     * pool: for the benchmark, to time a pass as it runs when no memory was given back since the
     * last one (the collector has not yet found the last pass dead, and no one closed it).
     */
    public static void freshDuring(Runnable work) {
        FRESH_ONLY.set(true);
        try {
            work.run();
        } finally {
            FRESH_ONLY.set(false);
        }
    }

    /** Whether new large arrays come in huge pages here (else they are ND4J's own). */
    static boolean available() { return NATIVE != null; }

    /** Whether the array's memory is one of these mappings. */
    static boolean isMapped(INDArray a) {
        DataBuffer b = a.data();
        while (b.originalDataBuffer() != null && b.originalDataBuffer() != b) b = b.originalDataBuffer();
        return b instanceof Floats || b instanceof Doubles;
    }

    /** A mapping of whole huge pages, given back to the pool once (a new Mapping when it is handed out again). */
    private static final class Mapping {
        final long address, size;
        private final AtomicBoolean gone = new AtomicBoolean();

        Mapping(long address, long size) {
            this.address = address;
            this.size = size;
        }

        void release() {
            if (gone.compareAndSet(false, true)) toPool(this);
        }
    }

    /** A JavaCPP pointer at a given address (its address field is only set from a subclass). */
    private static final class At extends Pointer {
        At(long address, long elements) {
            this.address = address;
            this.limit = elements;
            this.capacity = elements;
        }
    }

    /**
     * ND4J's float buffer over a mapping; closing it gives the mapping to the pool. It and
     * {@link Doubles} are alike but cannot share a base: each must extend ND4J's own buffer class
     * of its type (the CPU backend checks the class), and Java has one superclass.
     */
    private static final class Floats extends org.nd4j.linalg.cpu.nativecpu.buffer.FloatBuffer {
        private final transient Mapping m;

        Floats(Mapping m, long n) {
            this(m, new FloatPointer(new At(m.address, n)), n);
        }

        private Floats(Mapping m, FloatPointer p, long n) {
            super(p, FloatIndexer.create(p), n);
            this.m = m;
        }

        @Override
        protected void release() {
            super.release();
            m.release();
        }
    }

    /** ND4J's double buffer over a mapping; closing it gives the mapping to the pool. */
    private static final class Doubles extends org.nd4j.linalg.cpu.nativecpu.buffer.DoubleBuffer {
        private final transient Mapping m;

        Doubles(Mapping m, long n) {
            this(m, new DoublePointer(new At(m.address, n)), n);
        }

        private Doubles(Mapping m, DoublePointer p, long n) {
            super(p, DoubleIndexer.create(p), n);
            this.m = m;
        }

        @Override
        protected void release() {
            super.release();
            m.release();
        }
    }

    /**
     * mmap, munmap and madvise from the C library, through JNA (which ND4J itself brings: the
     * project compiles for Java 21, where the foreign-function API is still a preview).
     */
    private record Native(com.sun.jna.Function mmap, com.sun.jna.Function munmap, com.sun.jna.Function madvise) {
        private static final int PROT_READ_WRITE = 0x3, MAP_PRIVATE_ANONYMOUS = 0x22, MADV_HUGEPAGE = 14;

        static Native load() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return null;
            try {
                com.sun.jna.NativeLibrary c = com.sun.jna.NativeLibrary.getInstance("c");
                return new Native(c.getFunction("mmap"), c.getFunction("munmap"), c.getFunction("madvise"));
            } catch (Throwable e) {   // no JNA, no native access, or no such C library
                return null;
            }
        }

        /** The bytes of the whole huge pages {@code bytes} need. */
        static long pages(long bytes) { return (bytes + HUGE - 1) / HUGE * HUGE; }

        /** Whole huge pages for {@code bytes}, 2 MB-aligned, marked for huge pages; null if the system refuses. */
        Mapping map(long bytes) {
            long size = pages(bytes);
            try {
                // Map one huge page more, then cut the mapping to its aligned part: mmap aligns to 4 KB only.
                long raw = mmap.invokeLong(new Object[]{null, size + HUGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L});
                if (raw == -1L || raw == 0L) return null;
                long aligned = (raw + HUGE - 1) / HUGE * HUGE;
                if (aligned > raw) unmap(raw, aligned - raw);
                long end = raw + size + HUGE, tail = aligned + size;
                if (end > tail) unmap(tail, end - tail);
                madvise.invokeInt(new Object[]{new com.sun.jna.Pointer(aligned), size, MADV_HUGEPAGE});
                return new Mapping(aligned, size);
            } catch (Throwable e) {
                return null;
            }
        }

        void unmap(long address, long size) {
            munmap.invokeInt(new Object[]{new com.sun.jna.Pointer(address), size});
        }
    }
}
