package org.iotgateway.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte strings to small ints without allocating: open addressing with linear probing, keyed by
 * a hash over the raw bytes and verified byte by byte on a hit. Built once, then read-only.
 *
 * <p>Replay keys channels by the CSV bytes {@code sensor,channel} (ids cannot contain a comma, so the
 * pair is unambiguous) and sensors by {@code sensor}, so a row is looked up straight from the read
 * buffer. The last hit is cached because CSV exports are often grouped by channel.
 */
public final class KeyTable {
    private final byte[][] keys;
    private final int[] values;
    private final int mask;
    private byte[] lastKey;
    private int lastValue = -1;

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
        byte[] last = lastKey;
        if (last != null && Arrays.equals(last, 0, last.length, b, from, to)) {
            return lastValue;
        }
        int slot = hash(b, from, to) & mask;
        for (byte[] k = keys[slot]; k != null; k = keys[slot]) {
            if (Arrays.equals(k, 0, k.length, b, from, to)) {
                lastKey = k;
                lastValue = values[slot];
                return lastValue;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 15) ^ (h >>> 7);
    }
}
