package org.iotgateway.driver.i2c;

/** In YAML: forced (one measurement per poll, then sleep: least power) or normal (free running). */
public enum Bme280Mode {
    FORCED(0b01), NORMAL(0b11);

    final int bits;

    Bme280Mode(int bits) {
        this.bits = bits;
    }
}
