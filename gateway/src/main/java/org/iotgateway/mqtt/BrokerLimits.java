package org.iotgateway.mqtt;

/**
 * What the broker's CONNACK said about this connection. MQTT 3.1.1 says nothing, so it gets
 * {@link #UNSTATED}: no limit beyond the protocol's.
 *
 * @param receiveMaximum QoS 1 publishes the broker takes in flight at once (Receive Maximum; 65535 if unstated)
 * @param maximumPacketSize the largest packet it accepts in bytes, whole packet (0: unstated, the protocol's 256 MB)
 * @param retainAvailable whether it accepts retained messages
 * @param maximumQos the highest QoS it accepts (2 if unstated)
 * @param stated true when the broker could state limits at all (MQTT 5)
 */
public record BrokerLimits(int receiveMaximum, long maximumPacketSize, boolean retainAvailable, int maximumQos,
                           boolean stated) {
    public static final BrokerLimits UNSTATED = new BrokerLimits(65535, 0, true, 2, false);

    /** True when a packet of {@code bytes} exceeds the broker's Maximum Packet Size. */
    public boolean tooLarge(long bytes) {
        return maximumPacketSize > 0 && bytes > maximumPacketSize;
    }
}
