package org.iotgateway.driver.serial;

/**
 * Channel-level parameters of the {@code serial} driver.
 *
 * @param field the parser's field name this channel reads (default: the channel id)
 */
public record SerialChannelParams(String field) {
}
