package org.iotgateway.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads a byte channel in large chunks and hands over runs of whole lines, straight from its one
 * reusable buffer: no per-line objects, no charset decoding.
 *
 * <p>A line cut by a chunk boundary is moved to the front of the buffer and completed by the next
 * read. Every run handed over ends with {@code '\n'}: the reader appends one to a last line that
 * lacks it, so parsers can scan for {@code '\n'} without bounds checks of their own. A line longer
 * than the buffer is reported through {@link Sink#overlongLine()} and skipped. Single-threaded.
 */
public final class CsvChunkReader {
    /** Default chunk: large enough that read calls are rare, small enough for a 64 MB heap. */
    public static final int DEFAULT_CHUNK = 1 << 20;

    /** Receives the input, in order. */
    public interface Sink {
        /** {@code b[from, to)} is one or more whole lines, each ending with {@code '\n'}; valid only during the call. */
        void lines(byte[] b, int from, int to);

        /** One line was longer than the buffer and has been skipped. */
        void overlongLine();
    }

    private final byte[] buf;
    private final ByteBuffer view;
    private final int capacity;

    public CsvChunkReader(int chunkSize) {
        this.capacity = chunkSize;
        this.buf = new byte[chunkSize + 1]; // + room for the '\n' appended to an unterminated last line
        this.view = ByteBuffer.wrap(buf);
    }

    /** Reads {@code in} to its end; does not close it. */
    public void read(ReadableByteChannel in, Sink sink) throws IOException {
        int have = 0;
        boolean skipping = false; // inside an overlong line, dropping bytes up to its '\n'
        while (true) {
            view.limit(capacity).position(have);
            int n = in.read(view);
            if (n < 0) {
                break;
            }
            int scanFrom = have;
            have += n;
            if (skipping) {
                int nl = indexOf(buf, scanFrom, have);
                if (nl < 0) {
                    have = 0;
                    continue;
                }
                skipping = false;
                have = shift(nl + 1, have);
            }
            int last = lastIndexOf(buf, have);
            if (last < 0) {
                if (have == capacity) {
                    sink.overlongLine();
                    skipping = true;
                    have = 0;
                }
                continue;
            }
            sink.lines(buf, 0, last + 1);
            have = shift(last + 1, have);
        }
        if (have > 0 && !skipping) {
            buf[have] = '\n';
            sink.lines(buf, 0, have + 1);
        }
    }

    /** Moves {@code buf[from, to)} to the front; returns its length. */
    private int shift(int from, int to) {
        System.arraycopy(buf, from, buf, 0, to - from);
        return to - from;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
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
