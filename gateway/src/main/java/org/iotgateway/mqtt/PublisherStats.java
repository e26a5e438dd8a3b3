package org.iotgateway.mqtt;

/**
 * @param connected a broker connection is up right now
 * @param published publishes completed (QoS 1: PUBACK; QoS 0: written)
 * @param failed publishes whose outcome is unknown (connection lost); their rows are resent
 * @param connects successful connects since start
 * @param connectFailures connect attempts that failed since start (each retried with backoff)
 */
public record PublisherStats(boolean connected, long published, long failed, long connects, long connectFailures) {
}
