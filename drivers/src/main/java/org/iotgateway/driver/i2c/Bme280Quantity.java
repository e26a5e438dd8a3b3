package org.iotgateway.driver.i2c;

/** What a {@code bme280} channel reports; in YAML: temperature (°C), humidity (%RH), pressure (hPa). */
public enum Bme280Quantity {
    /** Temperature in °C. */
    TEMPERATURE,
    /** Relative humidity in %RH. */
    HUMIDITY,
    /** Air pressure in hPa. */
    PRESSURE
}
