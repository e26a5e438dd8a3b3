package org.iotgateway.driver.serial.parser;

/** A fixed-length binary frame format: how the framer finds and checks frames in a byte stream. */
public interface BinaryFrame {

    /** The bytes every frame starts with; the framer resynchronises on them. */
    byte[] header();

    /** Total frame length in bytes, header and checksum included. */
    int length();

    /** Null when the frame is intact, else the reject reason ({@code checksum}, {@code bad-length}). */
    String check(byte[] frame);
}
