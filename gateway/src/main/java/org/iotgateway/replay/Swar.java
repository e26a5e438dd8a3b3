package org.iotgateway.replay;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time ("SIMD within a register"): reads a little-endian long from a byte array,
 * so the byte at the lower index is the lower byte of the word, and finds or converts ASCII digits
 * and separators in it with a few integer operations instead of a loop and a branch per byte.
 * Stateless.
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L};

    private Swar() {
    }

    /** The eight bytes {@code b[at, at + 8)}; the caller keeps {@code at + 8 <= b.length}. */
    static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** How many of the word's bytes, from its first, are ASCII digits: 0 to 8. */
    static int leadingDigits(long word) {
        long v = word ^ ZEROS; // a digit becomes 0-9; every other byte stays above 9
        // Bit 7 of a byte is set when v > 9 (v + 0x76 reaches 0x80) or v >= 0x80. Only a byte that is
        // already flagged can carry into the next one, so the lowest flagged byte is exact.
        long flagged = ((v + 0x7676767676767676L) | v) & HIGH;
        return Long.numberOfTrailingZeros(flagged) >>> 3;
    }

    /** The value of the word's first {@code n} bytes, which are digits; {@code 1 <= n <= 8}. */
    static long digitsValue(long word, int n) {
        // Shifting the n digits to the top fills the bottom with zeros: leading zeros of an 8-digit number.
        long v = (word ^ ZEROS) << (64 - 8 * n);
        v = v * 10 + (v >>> 8); // each byte pair: 10 * first + second
        return (((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)))
                + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32)))) >>> 32;
    }

    /** {@code 10^n} for {@code 0 <= n <= 8}. */
    static long pow10(int n) {
        return POW10[n];
    }

    /** A mask with bit 7 set in exactly the bytes of {@code word} equal to {@code c} (no false positives). */
    static long bytesEqual(long word, byte c) {
        long x = word ^ (0x0101010101010101L * (c & 0xFF));
        return ~(((x & LOW7) + LOW7) | x) & HIGH;
    }

    /** The index in its word of the byte a {@link #bytesEqual} mask flags first; 8 if none. */
    static int firstFlagged(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
