package org.iotgateway.mqtt;

import org.iotgateway.outbox.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker answer the MQTT 5 client could not read: Paho v5 drops the connection with 50001
 * "Invalid Return code" when a PUBACK carries a code it does not list for PUBACK. mosquitto 2.0.11
 * answers a publish over {@code message_size_limit} with PUBACK 0x95 (a DISCONNECT-only code), and
 * Paho also rejects 0x91. PUBACKs come in order, so the message answered is the oldest in flight:
 * the publisher's poison detection dead-letters it after {@code dead-letter-after} such drops.
 */
final class UnreadableAnswer {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    private static final int INVALID_RETURN_CODE = 50001;
    private static final LogLimiter LIMIT = new LogLimiter(java.time.Duration.ofMinutes(1));

    private UnreadableAnswer() {
    }

    static boolean is(Throwable t) {
        return t instanceof org.eclipse.paho.mqttv5.common.MqttException e && e.getReasonCode() == INVALID_RETURN_CODE;
    }

    static void log(Throwable t, String uri) {
        long suppressed = LIMIT.tryAcquire();
        if (suppressed >= 0) {
            log.warn("broker {} answered with a reason code the MQTT 5 client cannot read ({}), and the client"
                    + " dropped the connection; mosquitto answers a message over its message_size_limit this way."
                    + " The oldest message in flight is resent and dead-lettered after mqtt.dead-letter-after such"
                    + " drops{}", uri, t.getMessage(), suppressed > 0 ? " (" + suppressed + " more in the last minute)" : "");
        }
    }
}
