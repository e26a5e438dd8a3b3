package org.iotgateway.mqtt;

/**
 * A retained message sent after every connect (e.g. a Home Assistant discovery config), QoS 1.
 *
 * @param topic where it goes
 * @param payload UTF-8 bytes, not modified after construction
 */
public record RetainedMessage(String topic, byte[] payload) {
}
