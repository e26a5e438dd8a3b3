package org.iotgateway.stream.aggregate;

/**
 * Per window slot: standard deviation (Welford's update, numerically stable), time-weighted mean
 * and counter rate. Preallocated; the per-reading path only does arithmetic. Single-threaded.
 *
 * <p>Time-weighted mean and rate look at readings in arrival order, with each reading's time taken
 * as the latest timestamp seen so far in its window ({@code t'_i = max(t_1..t_i)}), so an
 * out-of-order reading takes effect from the newest time, never rewrites the past.
 * <ul>
 * <li>time-weighted mean: step interpolation (each value holds until the next reading, the last one
 *     until the window end), divided by the time from the first reading to the window end.
 * <li>rate: the counter's increase per second from the first to the last reading; a decrease is a
 *     counter reset, after which the new value is the increase since the reset (as Prometheus
 *     does). NaN with fewer than two readings or no time between them.
 * <li>stddev: population standard deviation of the window's values.
 * </ul>
 */
public final class SlotMoments {
    private final long[] n;
    private final double[] mean;
    private final double[] m2;
    private final long[] tFirst;
    private final long[] tPrev;
    private final double[] vPrev;
    private final double[] area;
    private final double[] increase;

    public SlotMoments(int slots) {
        n = new long[slots];
        mean = new double[slots];
        m2 = new double[slots];
        tFirst = new long[slots];
        tPrev = new long[slots];
        vPrev = new double[slots];
        area = new double[slots];
        increase = new double[slots];
    }

    public void reset(int slot) {
        n[slot] = 0;
        mean[slot] = 0;
        m2[slot] = 0;
        area[slot] = 0;
        increase[slot] = 0;
    }

    public void add(int slot, long ts, double v) {
        long k = ++n[slot];
        double delta = v - mean[slot];
        mean[slot] += delta / k;
        m2[slot] += delta * (v - mean[slot]);
        if (k == 1) {
            tFirst[slot] = ts;
            tPrev[slot] = ts;
        } else {
            long t = Math.max(ts, tPrev[slot]);
            area[slot] += vPrev[slot] * (t - tPrev[slot]);
            double d = v - vPrev[slot];
            increase[slot] += d >= 0 ? d : v;
            tPrev[slot] = t;
        }
        vPrev[slot] = v;
    }

    public double stddev(int slot) {
        return n[slot] == 0 ? Double.NaN : Math.sqrt(m2[slot] / n[slot]);
    }

    /** @param end the window's end (exclusive), where the last value stops counting */
    public double timeWeightedMean(int slot, long end) {
        if (n[slot] == 0) {
            return Double.NaN;
        }
        return (area[slot] + vPrev[slot] * (end - tPrev[slot])) / (end - tFirst[slot]);
    }

    public double rate(int slot) {
        long span = tPrev[slot] - tFirst[slot];
        return n[slot] < 2 || span <= 0 ? Double.NaN : increase[slot] * 1000.0 / span;
    }
}
