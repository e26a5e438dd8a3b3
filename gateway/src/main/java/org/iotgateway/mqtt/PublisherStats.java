package org.iotgateway.mqtt;

import java.util.Map;

/**
 * @param connected a broker connection is up right now
 * @param published publishes the broker accepted (QoS 1: PUBACK with a success code; QoS 0: written)
 * @param failed publishes whose outcome is unknown (connection lost); their rows are resent
 * @param connects successful connects since start
 * @param connectFailures connect attempts that failed since start (each retried with backoff)
 * @param refused publishes the broker would not take, by reason (never counted as published)
 * @param takeovers times the broker disconnected us because another client connected with our client id (0x8E)
 * @param lastDisconnect the broker's last DISCONNECT, one line (code, meaning, its words), or null
 * @param protocol "5" or "3.1.1"
 * @param limits what the broker's last CONNACK said
 */
public record PublisherStats(boolean connected, long published, long failed, long connects, long connectFailures,
                             Map<String, Long> refused, long takeovers, String lastDisconnect, String protocol,
                             BrokerLimits limits) {
    public PublisherStats(boolean connected, long published, long failed, long connects, long connectFailures) {
        this(connected, published, failed, connects, connectFailures, Map.of(), 0, null, "5", BrokerLimits.UNSTATED);
    }

    /** All refusals, whatever the reason. */
    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
