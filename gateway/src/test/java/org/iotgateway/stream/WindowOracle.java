package org.iotgateway.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A brute-force model of the engine for one channel: keeps every reading of every window in a list
 * and computes each aggregate from its definition, in the plainest way. Test-only.
 */
final class WindowOracle {
    final long size;
    final long slide;
    final long lateness;
    final double rangeMin;
    final double rangeMax;
    final TreeMap<Long, List<double[]>> windows = new TreeMap<>(); // start -> [ts, v] in arrival order
    long watermark = Long.MIN_VALUE;
    long accepted;
    long rejected;
    long late;

    WindowOracle(long size, long slide, long lateness, double rangeMin, double rangeMax) {
        this.size = size;
        this.slide = slide;
        this.lateness = lateness;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
    }

    void reading(long ts, double v) {
        accepted++;
        if (!Double.isFinite(v) || v < rangeMin || v > rangeMax) {
            rejected++;
            return;
        }
        boolean missed = false;
        for (long ws = Math.floorDiv(ts - size, slide) * slide; ws <= ts; ws += slide) {
            if (ws + size <= ts) {
                continue;
            }
            if (ws + size + lateness <= watermark) {
                missed = true;
            } else {
                windows.computeIfAbsent(ws, k -> new ArrayList<>()).add(new double[] {ts, v});
            }
        }
        if (missed) {
            late++;
        }
    }

    void watermark(long w) {
        watermark = Math.max(watermark, w);
    }

    /** Every non-empty window in start order, as the engine's aggregate would be. */
    List<Aggregate> aggregates(ChannelInfo info) {
        List<Aggregate> out = new ArrayList<>();
        windows.forEach((start, rs) -> out.add(aggregate(info, start, rs)));
        return out;
    }

    private Aggregate aggregate(ChannelInfo info, long start, List<double[]> rs) {
        long end = start + size;
        int n = rs.size();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double[] first = null;
        double[] last = null;
        for (double[] r : rs) {
            min = Math.min(min, r[1]);
            max = Math.max(max, r[1]);
            sum += r[1];
            if (first == null || r[0] < first[0]) {
                first = r;
            }
            if (last == null || r[0] >= last[0]) {
                last = r;
            }
        }
        double mean = sum / n;
        double sq = 0;
        for (double[] r : rs) {
            sq += (r[1] - mean) * (r[1] - mean);
        }
        // time-weighted mean and rate: arrival order, each time the running max of timestamps
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i == 0 ? rs.get(0)[0] : Math.max(t[i - 1], rs.get(i)[0]);
        }
        double area = 0;
        double increase = 0;
        for (int i = 0; i < n; i++) {
            double until = i + 1 < n ? t[i + 1] : end;
            area += rs.get(i)[1] * (until - t[i]);
            if (i > 0) {
                double d = rs.get(i)[1] - rs.get(i - 1)[1];
                increase += d >= 0 ? d : rs.get(i)[1];
            }
        }
        double span = t[n - 1] - t[0];
        double rate = n < 2 || span <= 0 ? Double.NaN : increase * 1000 / span;
        double[] sorted = rs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        return new Aggregate(info, start, end, n, min, max, sum, first[1], last[1],
                new Aggregate.Spread(Math.sqrt(sq / n), area / (end - t[0]), rate, q(sorted, 0.5), q(sorted, 0.9),
                        q(sorted, 0.95), q(sorted, 0.99)), false);
    }

    private static double q(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }

    static String describe(List<Aggregate> list) {
        return Arrays.toString(list.stream().map(a -> a.start() + ":" + a.count()).toArray());
    }
}
