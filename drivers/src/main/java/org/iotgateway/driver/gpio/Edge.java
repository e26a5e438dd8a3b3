package org.iotgateway.driver.gpio;

/** Which level change counts as a pulse; in YAML: rising, falling, both. */
public enum Edge {
    RISING, FALLING, BOTH;

    boolean matches(boolean high) {
        return this == BOTH || (this == RISING) == high;
    }
}
