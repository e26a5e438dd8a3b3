package org.iotgateway.driver.serial.parser;

/** Receives the named values a parser found in one frame; called on the serial reader thread. */
@FunctionalInterface
public interface FieldSink {
    void field(String name, double value);
}
