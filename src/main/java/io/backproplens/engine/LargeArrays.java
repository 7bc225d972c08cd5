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
 * New arrays of 2 MB or more whose memory comes in 2 MB pages. Measured here (docs/performance.md):
 * ND4J's {@code createUninitialized} touches every 4 KB page of a new array at once, and a new
 * 50,000x50 float array cost ~6.5 ms of CPU in page faults, ten times the ReLU that fills it (0.6
 * ms into memory already touched); the pass makes four of them and {@code x.g}, sixteen times that
 * size. The same 10 MB in transparent huge pages (a 2 MB-aligned mapping with
 * {@code MADV_HUGEPAGE}; the kernel here gives huge pages to mappings that ask, not to others)
 * cost 0.3-0.5 ms. ND4J cannot be asked for that, so this maps the memory itself and hands ND4J a
 * buffer over it, which ND4J treats as external (it never frees it). The mapping goes back to the
 * system when the buffer is closed ({@code INDArray.close()}) or, like ND4J's own arrays, when the
 * collector finds it unreachable: the same lifetime as any other ND4J array.
 *
 * <p>Where the mapping cannot be made (not Linux, no native access, a failed call), the array is
 * ND4J's own, as before.
 */
final class LargeArrays {
    /** One huge page: arrays smaller than this gain nothing and stay ND4J's. */
    static final long HUGE = 2L << 20;

    private static final Cleaner CLEANER = Cleaner.create();
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
        Mapping m = NATIVE.map(bytes);
        if (m == null) return Nd4j.createUninitialized(dtype, shape, order);
        DataBuffer buffer = dtype == DataType.FLOAT ? new Floats(m, n) : new Doubles(m, n);
        CLEANER.register(buffer, m::unmap);
        return Nd4j.create(buffer, shape, Nd4j.getStrides(shape, order), 0, order);
    }

    /** Whether new large arrays come in huge pages here (else they are ND4J's own). */
    static boolean available() { return NATIVE != null; }

    /** Whether the array's memory is one of these mappings. */
    static boolean isMapped(INDArray a) {
        DataBuffer b = a.data();
        while (b.originalDataBuffer() != null && b.originalDataBuffer() != b) b = b.originalDataBuffer();
        return b instanceof Floats || b instanceof Doubles;
    }

    /** A mapping of whole huge pages, unmapped once. */
    private static final class Mapping {
        final long address, size;
        private final AtomicBoolean gone = new AtomicBoolean();

        Mapping(long address, long size) {
            this.address = address;
            this.size = size;
        }

        void unmap() {
            if (gone.compareAndSet(false, true)) NATIVE.unmap(address, size);
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

    /** ND4J's float buffer over a mapping; closing it unmaps the memory. */
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
            m.unmap();
        }
    }

    /** ND4J's double buffer over a mapping; closing it unmaps the memory. */
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
            m.unmap();
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

        /** Whole huge pages for {@code bytes}, 2 MB-aligned, marked for huge pages; null if the system refuses. */
        Mapping map(long bytes) {
            long size = (bytes + HUGE - 1) / HUGE * HUGE;
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
