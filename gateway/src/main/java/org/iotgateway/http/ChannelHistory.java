package org.iotgateway.http;

import java.util.Arrays;

/**
 * The last hour of one channel, for the status page's chart: {@link #POINTS} buckets of
 * {@link #STEP_MILLIS}, each holding the mean of the aggregates whose window ended in it. A bucket
 * is reused an hour later (drop-oldest), so memory stays at 360 × 12 bytes ≈ 4.3 kB per channel,
 * allocated on its first aggregate. Also keeps the latest reading value.
 *
 * <p>Written by the stream consumer thread once per aggregate, read by the HTTP threads; both
 * hold the lock for a few microseconds at most and never do I/O under it.
 */
final class ChannelHistory {
    static final int POINTS = 360;
    static final long STEP_MILLIS = 10_000;

    private int[] buckets;
    private float[] means;
    private int[] counts;
    private double last = Double.NaN;
    private long lastEndMillis;

    /**
     * @param endMillis the window's end: it decides the bucket
     * @param mean the window's mean; NaN (an empty window) adds nothing to the chart
     * @param last the window's latest reading; NaN leaves the previous one
     */
    synchronized void record(long endMillis, double mean, double last) {
        if (Double.isFinite(last) && endMillis >= lastEndMillis) {
            this.last = last;
            this.lastEndMillis = endMillis;
        }
        if (!Double.isFinite(mean)) {
            return;
        }
        if (buckets == null) {
            buckets = new int[POINTS];
            Arrays.fill(buckets, -1);
            means = new float[POINTS];
            counts = new int[POINTS];
        }
        int bucket = bucket(endMillis);
        int slot = Math.floorMod(bucket, POINTS);
        if (buckets[slot] != bucket) {
            buckets[slot] = bucket;
            means[slot] = 0;
            counts[slot] = 0;
        }
        counts[slot]++;
        means[slot] += (float) ((mean - means[slot]) / counts[slot]);
    }

    /** The hour up to the bucket holding {@code nowMillis}, oldest first; NaN where nothing was recorded. */
    synchronized float[] lastHour(long nowMillis) {
        float[] out = new float[POINTS];
        Arrays.fill(out, Float.NaN);
        if (buckets == null) {
            return out;
        }
        int newest = bucket(nowMillis);
        for (int i = 0; i < POINTS; i++) {
            int bucket = newest - (POINTS - 1) + i;
            int slot = Math.floorMod(bucket, POINTS);
            if (buckets[slot] == bucket) {
                out[i] = means[slot];
            }
        }
        return out;
    }

    /** The latest reading value, NaN before the first. */
    synchronized double last() {
        return last;
    }

    /** The end of the window that held {@link #last()}, epoch ms; 0 before the first. */
    synchronized long lastEndMillis() {
        return lastEndMillis;
    }

    static int bucket(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, STEP_MILLIS);
    }
}
