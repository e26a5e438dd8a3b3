/**
 * The MQTT side: {@link org.iotgateway.mqtt.MqttPublisher} drains the outbox to the broker through an
 * {@link org.iotgateway.mqtt.MqttLink}: Paho's MQTT 5 client ({@code mqtt.version: 5}, the default)
 * or its 3.1.1 client, clean start, memory persistence, no automatic reconnect, no topic aliases.
 * <p>
 * Threads: {@code mqtt-supervisor} connects and reconnects (backoff 0.5 s doubling to 30 s, with
 * jitter, the first connect included; longer after a server DISCONNECT that asks for it) and
 * publishes the retained birth message; {@code mqtt-publisher} reads committed rows in seq order and
 * publishes within a per-connection window ({@link org.iotgateway.mqtt.MqttLink#window}); Paho's own
 * threads ({@code mqtt-paho-*}, "MQTT Call") only hand results over.
 * <p>
 * Delivery: QoS 1 rows are deleted after a PUBACK with a success code. A PUBACK >= 0x80 is a
 * refusal, never counted as published ({@link org.iotgateway.mqtt.RefusalPolicy}: dead-lettered at
 * once or after retries, by reason). A failed or unanswered publish is "unknown": the row stays
 * and, after a reconnect, everything unacknowledged is resent from the lowest seq, so a subscriber
 * may see a duplicate (bounded by the window) but never an uncounted gap. QoS 0 rows are deleted
 * once written to the socket: no guarantee at all.
 */
package org.iotgateway.mqtt;
