package org.iotgateway.driver;

/** How a driver sees its sensor's link; reported through {@link ReadingSink#state}. */
public enum SensorState {
    /** The device is there and its input parses. */
    OK,
    /** The device is there but much of its input is garbage (wrong baud, noise, failing sensor). */
    DEGRADED,
    /** The device is gone or never appeared; the driver keeps retrying with backoff. */
    DISCONNECTED
}
