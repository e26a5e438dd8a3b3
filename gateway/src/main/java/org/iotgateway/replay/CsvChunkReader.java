package org.iotgateway.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Cuts a byte channel into chunks of whole lines, read straight into the caller's buffer: no
 * per-line objects, no charset decoding.
 *
 * <p>A line cut by the end of a chunk is kept and starts the next one. Every chunk ends with
 * {@code '\n'}: a last line without one gets it appended, so parsers can scan for {@code '\n'}
 * without bounds checks of their own. A line longer than a chunk is skipped and reported as
 * {@link Chunk.Kind#OVERLONG}. Not thread-safe: callers take turns.
 */
final class CsvChunkReader {
    /** Default chunk: large enough that hand-overs are rare, small enough that a few fit a 64 MB heap easily. */
    static final int DEFAULT_CHUNK = 1 << 18;

    private final ReadableByteChannel in;
    private final int capacity;
    private final byte[] carry;
    private int carried;
    private boolean eof;
    private boolean skipping; // inside an overlong line, dropping bytes up to its '\n'

    /** @param capacity the most bytes of lines in one chunk */
    CsvChunkReader(ReadableByteChannel in, int capacity) {
        this.in = in;
        this.capacity = capacity;
        this.carry = new byte[capacity];
    }

    /**
     * Fills {@code c} with the next chunk: whole lines in {@code c.bytes[0, c.length)}, or kind
     * OVERLONG, or END. Does not close the channel.
     */
    void next(Chunk c) throws IOException {
        byte[] b = c.bytes;
        System.arraycopy(carry, 0, b, 0, carried);
        int have = carried;
        carried = 0;
        while (true) {
            have = fill(b, have);
            if (skipping) {
                int nl = indexOf(b, have);
                if (nl < 0) {
                    if (eof) {
                        break;
                    }
                    have = 0;
                    continue;
                }
                skipping = false;
                have = shift(b, nl + 1, have);
                continue;
            }
            if (have == 0) {
                break;
            }
            int last = lastIndexOf(b, have);
            if (last >= 0) {
                carried = have - last - 1;
                System.arraycopy(b, last + 1, carry, 0, carried);
                set(c, Chunk.Kind.LINES, last + 1);
            } else if (eof) {
                b[have] = '\n';
                set(c, Chunk.Kind.LINES, have + 1);
            } else {
                skipping = true; // a full buffer and no '\n'
                set(c, Chunk.Kind.OVERLONG, 0);
            }
            return;
        }
        set(c, Chunk.Kind.END, 0);
    }

    /** Reads until {@code b} holds {@code capacity} bytes or the input ends; returns how many it holds. */
    private int fill(byte[] b, int have) throws IOException {
        while (have < capacity && !eof) {
            int n = in.read(ByteBuffer.wrap(b, have, capacity - have));
            if (n < 0) {
                eof = true;
            } else {
                have += n;
            }
        }
        return have;
    }

    private static void set(Chunk c, Chunk.Kind kind, int length) {
        c.kind = kind;
        c.length = length;
    }

    /** Moves {@code b[from, to)} to the front; returns its length. */
    private static int shift(byte[] b, int from, int to) {
        System.arraycopy(b, from, b, 0, to - from);
        return to - from;
    }

    private static int indexOf(byte[] b, int to) {
        for (int i = 0; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, int to) {
        for (int i = to - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
