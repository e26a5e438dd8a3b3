package org.iotgateway.stream.filter;

import java.util.Arrays;

/** The latest n values of a channel and their median, in preallocated arrays. Single-threaded. */
final class RecentValues {
    private final double[] values;
    private final double[] sorted;
    private int size;
    private int next;

    RecentValues(int n) {
        values = new double[n];
        sorted = new double[n];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == values.length;
    }

    /** Median of the values held (mean of the middle two when even); NaN when empty. */
    double median() {
        System.arraycopy(values, 0, sorted, 0, size);
        return medianOfSorted(size);
    }

    /** Median absolute deviation from {@code m} of the values held. */
    double mad(double m) {
        for (int i = 0; i < size; i++) {
            sorted[i] = Math.abs(values[i] - m);
        }
        return medianOfSorted(size);
    }

    private double medianOfSorted(int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted, 0, n);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
