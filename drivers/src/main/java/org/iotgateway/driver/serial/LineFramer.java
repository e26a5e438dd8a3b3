package org.iotgateway.driver.serial;

/**
 * Lines ending in one delimiter byte. A line longer than the maximum is rejected once
 * ({@code line-too-long}) and skipped up to the next delimiter, which is where the stream is in
 * step again. Every delimiter thus ends exactly one frame or one rejected long line.
 */
final class LineFramer implements Framer {
    private final byte delimiter;
    private final byte[] line;
    private final FrameHandler handler;
    private int length;
    private boolean skipping;

    LineFramer(byte delimiter, int maxLength, FrameHandler handler) {
        this.delimiter = delimiter;
        this.line = new byte[maxLength];
        this.handler = handler;
    }

    @Override
    public void accept(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = data[i];
            if (b == delimiter) {
                if (!skipping) {
                    handler.frame(line, 0, length);
                }
                skipping = false;
                length = 0;
            } else if (skipping) {
                continue;
            } else if (length == line.length) {
                handler.reject("line-too-long", "line longer than " + line.length + " bytes, skipped");
                skipping = true;
                length = 0;
            } else {
                line[length++] = b;
            }
        }
    }

    @Override
    public void reset() {
        if (length > 0) {
            handler.reject("partial-frame", length + " bytes without a delimiter when the link dropped");
        }
        length = 0;
        skipping = false;
    }
}
