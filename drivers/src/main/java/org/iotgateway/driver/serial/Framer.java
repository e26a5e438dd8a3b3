package org.iotgateway.driver.serial;

/** Cuts a byte stream into frames for a {@link FrameHandler}. Reader thread only; keeps state. */
interface Framer {

    void accept(byte[] data, int off, int len);

    /** The link dropped or is closing: a partial frame in hand is counted and discarded. */
    void reset();
}
