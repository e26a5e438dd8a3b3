/**
 * The MQTT side: {@link org.iotgateway.mqtt.MqttPublisher} drains the outbox to the broker with
 * Paho's {@code MqttAsyncClient} (MQTT 3.1.1, clean session, memory persistence, no automatic
 * reconnect).
 * <p>
 * Threads: {@code mqtt-supervisor} connects and reconnects (backoff 0.5 s doubling to 30 s, with
 * jitter, the first connect included) and publishes the retained birth message; {@code
 * mqtt-publisher} reads committed rows in seq order and publishes within a per-connection window
 * of maxInflight - 1; Paho's own threads ({@code mqtt-paho-*}, "MQTT Call") only hand results over.
 * <p>
 * Delivery: QoS 1 rows are deleted after PUBACK. A failed or unanswered publish is "unknown": the
 * row stays and, after a reconnect, everything unacknowledged is resent from the lowest seq, so a
 * subscriber may see a duplicate (bounded by the window) but never a gap. QoS 0 rows are deleted
 * once written to the socket: no guarantee at all.
 */
package org.iotgateway.mqtt;
