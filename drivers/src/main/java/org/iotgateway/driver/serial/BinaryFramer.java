package org.iotgateway.driver.serial;

import org.iotgateway.driver.serial.parser.BinaryFrame;

/**
 * Fixed-length frames found by their header bytes. Bytes before a header are counted once per run
 * as {@code garbage}; a frame that fails its check is rejected and the search for the next header
 * restarts one byte after the bad frame's start, so a truncated frame followed by a good one costs
 * only the truncated one.
 */
final class BinaryFramer implements Framer {
    private final BinaryFrame format;
    private final byte[] header;
    private final byte[] frame;
    private final FrameHandler handler;
    private int length;
    private int skipped;
    private boolean rescanning;

    BinaryFramer(BinaryFrame format, FrameHandler handler) {
        this.format = format;
        this.header = format.header();
        this.frame = new byte[format.length()];
        this.handler = handler;
    }

    @Override
    public void accept(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            take(data[i]);
        }
    }

    private void take(byte b) {
        if (length < header.length && b != header[length]) {
            skipped += length;
            length = 0;
            if (b != header[0]) {
                skipped++;
                return;
            }
        }
        frame[length++] = b;
        if (length == header.length && skipped > 0) {
            if (!rescanning) { // a rejected frame's bytes are already accounted for by its reject
                handler.reject("garbage", skipped + " bytes before a frame header, skipped");
            }
            skipped = 0;
        }
        if (length == frame.length) {
            complete();
        }
    }

    private void complete() {
        length = 0;
        String bad = format.check(frame);
        if (bad == null) {
            handler.frame(frame, 0, frame.length);
            return;
        }
        handler.reject(bad, "frame failed its " + bad + " check, resynchronising");
        // Look for the next header inside the rejected bytes: a short frame swallowed its successor's start.
        byte[] rest = java.util.Arrays.copyOfRange(frame, 1, frame.length);
        rescanning = true;
        for (byte r : rest) {
            take(r);
        }
        rescanning = false;
        skipped = 0;
    }

    @Override
    public void reset() {
        if (length > 0) {
            handler.reject("partial-frame", length + " bytes of a frame when the link dropped");
        }
        length = 0;
        skipped = 0;
    }
}
