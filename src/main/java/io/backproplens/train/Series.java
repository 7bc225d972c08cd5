package io.backproplens.train;

import java.util.Arrays;

/**
 * An append-only sequence of doubles (the loss of each batch) that a reader on another thread can
 * hold as an immutable {@link View} without copying: a view sees only the first {@code size}
 * entries, which the writer never changes again; when the array is full the writer moves to a
 * bigger copy, leaving the old one to the views that still read it. One writer only.
 */
public final class Series {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void clear() {
        values = new double[1024];
        size = 0;
    }

    /** The first {@code size()} values as they are now. Publish it through a volatile or a lock. */
    View view() { return new View(values, size); }

    /** An immutable prefix of a series. */
    public record View(double[] values, int size) {
        public double get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i + " of " + size);
            return values[i];
        }

        public double last() { return get(size - 1); }

        public double[] toArray() { return Arrays.copyOf(values, size); }
    }
}
