package org.iotgateway.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings to small ints without allocating: open addressing with linear probing, keyed by
 * a hash over the raw bytes, eight at a time, and verified byte by byte on a hit. Built once, then
 * read-only, so parsing threads share it.
 *
 * <p>Replay keys channels by the CSV bytes {@code sensor,channel} (ids cannot contain a comma, so the
 * pair is unambiguous) and sensors by {@code sensor}, so a row is looked up straight from the read
 * buffer.
 */
public final class KeyTable {
    private final byte[][] keys;
    private final int[] values;
    private final int mask;

    /** @param keys distinct keys; key {@code i} maps to {@code values[i]} */
    public KeyTable(String[] keys, int[] values) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 4) - 1) << 1;
        this.keys = new byte[capacity][];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            byte[] k = keys[i].getBytes(StandardCharsets.UTF_8);
            if (find(k, 0, k.length) >= 0) {
                throw new IllegalArgumentException("duplicate key " + keys[i]);
            }
            int slot = hash(k, 0, k.length) & mask;
            while (this.keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            this.keys[slot] = k;
            this.values[slot] = values[i];
        }
    }

    /** The value of the key {@code b[from, to)}, or -1. */
    public int find(byte[] b, int from, int to) {
        int slot = hash(b, from, to) & mask;
        for (byte[] k = keys[slot]; k != null; k = keys[slot]) {
            if (k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ Swar.word(b, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001B3L;
        }
        return (int) (h ^ (h >>> 32) ^ (h >>> 17));
    }
}
