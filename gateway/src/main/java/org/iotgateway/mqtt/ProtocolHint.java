package org.iotgateway.mqtt;

import org.iotgateway.config.MqttConfig;

/**
 * Turns a failed MQTT 5 connect into advice when the broker seems to speak only 3.1.1: RabbitMQ
 * before 3.13 closes an MQTT 5 CONNECT without a reply, other brokers answer "unsupported protocol
 * version" (0x84, or 3.1.1's return code 1). Pure.
 */
public final class ProtocolHint {
    /** Paho's "Connection lost" (32109): the socket closed before a CONNACK came. */
    private static final int CONNECTION_LOST = 32109;

    private ProtocolHint() {
    }

    /** One line naming the setting to change, or null when the failure says nothing about the version. */
    public static String explain(Throwable t, String version) {
        if (!MqttConfig.V5.equals(version) || !(t instanceof org.eclipse.paho.mqttv5.common.MqttException e)) {
            return null;
        }
        int code = e.getReasonCode();
        if (code == CONNECTION_LOST || code == 0x84 || code == 1) {
            return "the broker " + (code == CONNECTION_LOST ? "closed the MQTT 5 connection without answering"
                    : "refused MQTT 5 (unsupported protocol version)") + ": it may speak only MQTT 3.1.1 (RabbitMQ"
                    + " before 3.13, some hosted brokers); set mqtt.version: 3.1.1 in the config";
        }
        return null;
    }
}
