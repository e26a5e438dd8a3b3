package org.iotgateway.stream.aggregate;

import java.util.Arrays;

/**
 * A fixed-size, log-scale quantile sketch per window slot (the DDSketch idea with a
 * "collapse the lowest buckets" store): a value x &gt; 0 goes to bucket {@code ceil(log_g(x))}
 * with {@code g = (1 + a) / (1 - a)}, whose representative value is within a relative error
 * {@code a} = 1 % of every value in it. Negative values use a mirrored store of |x|; |x| below
 * 1e-12 counts as zero.
 *
 * <p>Each store holds {@value #BUCKETS} buckets (a range of about 28,000 : 1 in magnitude). When a
 * window's values span more, the lowest magnitudes are folded into the lowest kept bucket, so only
 * quantiles that fall among those tiny magnitudes lose the 1 % bound. Results are clamped to the
 * window's exact min and max.
 *
 * <p>Memory: 2 KiB per slot and sign in use, allocated on first use and reused for every later
 * window of that slot, so the per-reading path never allocates in steady state. Single-threaded.
 */
public final class LogBuckets {
    public static final double RELATIVE_ACCURACY = 0.01;
    static final int BUCKETS = 512;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double INV_LN_GAMMA = 1 / Math.log(GAMMA);
    private static final double ZERO_BELOW = 1e-12;

    private final int[][] pos;
    private final int[][] neg;
    private final int[] posBase;
    private final int[] negBase;
    private final long[] posCount;
    private final long[] negCount;
    private final long[] zeros;

    public LogBuckets(int slots) {
        pos = new int[slots][];
        neg = new int[slots][];
        posBase = new int[slots];
        negBase = new int[slots];
        posCount = new long[slots];
        negCount = new long[slots];
        zeros = new long[slots];
    }

    public void reset(int slot) {
        posCount[slot] = 0;
        negCount[slot] = 0;
        zeros[slot] = 0;
    }

    public void add(int slot, double v) {
        double m = Math.abs(v);
        if (m < ZERO_BELOW) {
            zeros[slot]++;
            return;
        }
        int index = (int) Math.ceil(Math.log(m) * INV_LN_GAMMA);
        if (v > 0) {
            if (pos[slot] == null) {
                pos[slot] = new int[BUCKETS];
            }
            posBase[slot] = insert(pos[slot], posBase[slot], posCount[slot]++, index);
        } else {
            if (neg[slot] == null) {
                neg[slot] = new int[BUCKETS];
            }
            negBase[slot] = insert(neg[slot], negBase[slot], negCount[slot]++, index);
        }
    }

    /** Adds one value at {@code index} to a store of {@code held} values; returns the store's new base. */
    private static int insert(int[] store, int base, long held, int index) {
        if (held == 0) {
            Arrays.fill(store, 0);
            base = index - BUCKETS / 2;
        }
        int k = index - base;
        if (k >= BUCKETS) {
            int shift = k - BUCKETS + 1;
            int folded = 0;
            for (int i = 0; i <= Math.min(shift, BUCKETS - 1); i++) {
                folded += store[i];
            }
            if (shift < BUCKETS) {
                System.arraycopy(store, shift, store, 0, BUCKETS - shift);
            }
            Arrays.fill(store, Math.max(1, BUCKETS - shift), BUCKETS, 0);
            store[0] = folded;
            base += shift;
            k = BUCKETS - 1;
        } else if (k < 0) {
            // Move the held range down as far as the highest bucket in use allows; fold only the rest.
            int hi = BUCKETS - 1;
            while (hi > 0 && store[hi] == 0) {
                hi--;
            }
            int down = Math.min(-k, BUCKETS - 1 - hi);
            if (down > 0) {
                System.arraycopy(store, 0, store, down, hi + 1);
                Arrays.fill(store, 0, down, 0);
                base -= down;
                k += down;
            }
            k = Math.max(k, 0);
        }
        store[k]++;
        return base;
    }

    /** The q-quantile (0..1) of the slot's values, NaN when it holds none. */
    public double quantile(int slot, double q) {
        long n = posCount[slot] + negCount[slot] + zeros[slot];
        if (n == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.floor(q * (n - 1));
        long seen = 0;
        if (negCount[slot] > 0) {
            int[] s = neg[slot];
            for (int k = BUCKETS - 1; k >= 0; k--) {
                seen += s[k];
                if (seen > rank) {
                    return -value(negBase[slot] + k);
                }
            }
        }
        seen += zeros[slot];
        if (seen > rank) {
            return 0;
        }
        int[] s = pos[slot];
        for (int k = 0; k < BUCKETS; k++) {
            seen += s[k];
            if (seen > rank) {
                return value(posBase[slot] + k);
            }
        }
        return value(posBase[slot] + BUCKETS - 1);
    }

    private static double value(int index) {
        return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
    }
}
