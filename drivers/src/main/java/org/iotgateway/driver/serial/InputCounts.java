package org.iotgateway.driver.serial;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of a serial sensor's input: every frame is exactly one of used (at least one value
 * offered), ignored (nothing this config reads: an empty line, an unread NMEA sentence) or
 * rejected; framing rejects (over-long lines, garbage before a header, partial frames) are
 * rejected too. Written on the reader thread, read from any thread.
 */
public final class InputCounts {
    final AtomicLong frames = new AtomicLong();
    final AtomicLong used = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong values = new AtomicLong();

    /** Frames handed to the parser. */
    public long frames() {
        return frames.get();
    }

    public long used() {
        return used.get();
    }

    public long ignored() {
        return ignored.get();
    }

    /** Rejects of any reason, from the framer or the parser. */
    public long rejected() {
        return rejected.get();
    }

    /** Values offered to the sink. */
    public long values() {
        return values.get();
    }
}
