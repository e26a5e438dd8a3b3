package org.iotgateway.wire;

/**
 * An aggregate as it goes onto the wire: its gateway sequence number, topic and JSON payload.
 *
 * @param seq per-gateway monotonic number, surviving restarts
 * @param topic the MQTT topic (the template filled in)
 * @param payload UTF-8 JSON, one object
 */
public record WireMessage(long seq, String topic, String payload) {
}
