package org.iotgateway.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings to small ints without allocating: open addressing with linear probing, keyed by
 * a hash over the raw bytes, eight at a time. Built once, then read-only, so parsing threads share it.
 *
 * <p>Replay keys channels by the CSV bytes {@code sensor,channel} (ids cannot contain a comma, so the
 * pair is unambiguous) and sensors by {@code sensor}, so a row is looked up straight from the read
 * buffer.
 *
 * <p>A key of up to 16 bytes (every id pair of the bench and of most configs) is compared as two
 * zero-filled little-endian words kept per slot: a lookup is two loads and two compares, where a byte
 * comparison was a call the JIT did not inline (it was a tenth of the parsing threads' time). Longer
 * keys are compared byte by byte.
 */
public final class KeyTable {
    private static final int WORDS_BYTES = 2 * Long.BYTES;
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final byte[][] keys;
    private final int[] lengths; // -1: empty slot
    private final long[] word0;  // bytes [0, 8) of the key, zero-filled
    private final long[] word1;  // bytes [8, 16)
    private final int[] values;
    private final int mask;

    /** @param keys distinct keys; key {@code i} maps to {@code values[i]} */
    public KeyTable(String[] keys, int[] values) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.lengths = new int[capacity];
        Arrays.fill(lengths, -1);
        this.word0 = new long[capacity];
        this.word1 = new long[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            byte[] k = keys[i].getBytes(StandardCharsets.UTF_8);
            if (find(k, 0, k.length) >= 0) {
                throw new IllegalArgumentException("duplicate key " + keys[i]);
            }
            int slot = hash(k, 0, k.length) & mask;
            while (lengths[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            this.keys[slot] = k;
            lengths[slot] = k.length;
            word0[slot] = bytes(k, 0, k.length);
            word1[slot] = bytes(k, 8, k.length);
            this.values[slot] = values[i];
        }
    }

    /** The value of the key {@code b[from, to)}, or -1. */
    public int find(byte[] b, int from, int to) {
        int len = to - from;
        if (len > WORDS_BYTES) {
            return findLong(b, from, to);
        }
        long w0 = bytes(b, from, to);
        long w1 = bytes(b, from + 8, to);
        long h = (len ^ w0) * MIX;
        if (len > Long.BYTES) {
            h = (h ^ w1) * MIX;
        }
        for (int slot = fold(h) & mask; lengths[slot] >= 0; slot = (slot + 1) & mask) {
            if (lengths[slot] == len && word0[slot] == w0 && word1[slot] == w1) {
                return values[slot];
            }
        }
        return -1;
    }

    private int findLong(byte[] b, int from, int to) {
        for (int slot = hash(b, from, to) & mask; lengths[slot] >= 0; slot = (slot + 1) & mask) {
            byte[] k = keys[slot];
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) {
                return values[slot];
            }
        }
        return -1;
    }

    /** The same function as {@link #find}'s inline hash for keys of up to 16 bytes. */
    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ Swar.word(b, i)) * MIX;
        }
        if (i < to) {
            h = (h ^ bytes(b, i, to)) * MIX;
        }
        return fold(h);
    }

    private static int fold(long h) {
        return (int) (h ^ (h >>> 32) ^ (h >>> 17));
    }

    /** Bytes {@code b[at, min(at + 8, to))} as a little-endian word, zero-filled; 0 when {@code at >= to}. */
    static long bytes(byte[] b, int at, int to) {
        int n = to - at;
        if (n <= 0) {
            return 0;
        }
        if (at + Long.BYTES <= b.length) { // always so in a chunk, which has spare bytes after its data
            return n >= Long.BYTES ? Swar.word(b, at) : Swar.word(b, at) & (-1L >>> (64 - 8 * n));
        }
        long w = 0;
        for (int i = Math.min(n, Long.BYTES) - 1; i >= 0; i--) {
            w = (w << 8) | (b[at + i] & 0xFF);
        }
        return w;
    }
}
