package org.iotgateway.driver.gpio;

/** What a {@code gpio-counter} channel reports; in YAML: count, rate. */
public enum CounterValue {
    /** Scaled pulses since the gateway started (litres, mm of rain, Wh). */
    COUNT,
    /** Scaled pulses per second over the last interval (l/s, mm/s, W·h/s). */
    RATE
}
