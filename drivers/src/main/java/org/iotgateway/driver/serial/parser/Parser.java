package org.iotgateway.driver.serial.parser;

/**
 * Turns one frame (a line without its delimiter, or one binary frame) into named values. Called
 * only on the driver's reader thread; implementations keep no state between frames.
 */
public interface Parser {

    /**
     * Parses one frame; a frame that carries no values of interest (an NMEA sentence type that is
     * not read, an empty line) produces no fields and is not an error.
     *
     * @throws BadInput when the frame is malformed; nothing has been emitted then
     */
    void parse(byte[] frame, int off, int len, FieldSink out) throws BadInput;
}
