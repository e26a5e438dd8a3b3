package org.iotgateway.replay;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from bytes, with the exact result of {@link Double#parseDouble}.
 *
 * <p>Accepted text: {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. Anything else
 * (spaces, {@code NaN}, {@code Infinity}, hex, a trailing {@code d}) is invalid and yields
 * {@link #INVALID}, so a CSV cell means the same whatever parser reads it.
 *
 * <p>Why the fast path is exact (Clinger): when the significant digits form an integer
 * {@code m < 2^53} and the power of ten {@code |k| <= 22}, both {@code m} and {@code 10^|k|} are
 * exact doubles, so {@code m * 10^k} or {@code m / 10^-k} is one IEEE operation and thus correctly
 * rounded, which is what {@code parseDouble} returns. Other inputs fall back to {@code parseDouble}.
 * Stateless and allocation-free on the fast path.
 */
public final class DecimalParser {
    /** Returned for text that is not a decimal number; no valid input parses to NaN. */
    public static final double INVALID = Double.NaN;

    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /** {@code 10^k} as a double, exact for {@code 0 <= k <= 22}. */
    static double pow10(int k) {
        return POW10[k];
    }

    /** Parses {@code b[from, to)}; {@link #INVALID} (test with {@code Double.isNaN}) when malformed. */
    public static double parse(byte[] b, int from, int to) {
        int p = from;
        boolean negative = false;
        if (p < to && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long m = 0;
        int significant = 0;
        int scale = 0;
        int digits = 0;
        for (; p < to; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits++;
            if (m != 0 || d != 0) {
                significant++;
                if (significant <= 18) {
                    m = m * 10 + d;
                } else {
                    scale++; // digits past what a long holds: only the slow path can use them
                }
            }
        }
        if (p < to && b[p] == '.') {
            p++;
            for (; p < to; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits++;
                if (m != 0 || d != 0) {
                    significant++;
                }
                if (significant <= 18) {
                    m = m * 10 + d;
                    scale--;
                }
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        int exp = 0;
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean expNegative = false;
            if (p < to && (b[p] == '-' || b[p] == '+')) {
                expNegative = b[p] == '-';
                p++;
            }
            int expDigits = 0;
            for (; p < to; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                expDigits++;
                if (exp < 100_000) { // beyond this every double is 0 or infinity; keeps the int from overflowing
                    exp = exp * 10 + d;
                }
            }
            if (expDigits == 0) {
                return INVALID;
            }
            exp = expNegative ? -exp : exp;
        }
        if (p != to) {
            return INVALID;
        }
        int k = scale + exp;
        if (significant <= 18 && m < MAX_EXACT && k >= -22 && k <= 22) {
            double v = k < 0 ? m / POW10[-k] : m * POW10[k];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }
}
