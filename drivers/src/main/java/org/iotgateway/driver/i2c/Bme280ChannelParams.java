package org.iotgateway.driver.i2c;

/**
 * Channel-level parameters of the {@code bme280} driver.
 *
 * @param quantity what this channel reports (default: the channel id, which must then be
 *        {@code temperature}, {@code humidity} or {@code pressure})
 */
public record Bme280ChannelParams(Bme280Quantity quantity) {
}
