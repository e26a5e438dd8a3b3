package org.iotgateway.mqtt;

/** The reason code in an exception of either Paho client (v3 and v5 have no common type). */
public final class PahoCodes {
    private PahoCodes() {
    }

    /** The exception's Paho reason code, or -1 when it is not a Paho exception. */
    public static int of(Throwable t) {
        if (t instanceof org.eclipse.paho.mqttv5.common.MqttException e) {
            return e.getReasonCode();
        }
        if (t instanceof org.eclipse.paho.client.mqttv3.MqttException e) {
            return e.getReasonCode();
        }
        return -1;
    }
}
