package org.iotgateway.check;

import java.util.List;
import java.util.function.Consumer;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.mqtt.BrokerLimits;

/**
 * The CONNACK's limits against what the gateway will send (MQTT 5 only: 3.1.1 states none):
 * Maximum Packet Size against the largest payload of each kind, Receive Maximum against
 * {@code mqtt.max-inflight}, Retain Available (status and discovery are retained), Maximum QoS. Pure.
 */
final class LimitChecks {
    private LimitChecks() {
    }

    static void run(String subject, BrokerLimits l, MqttConfig cfg, List<PublishTargets> targets,
                    Consumer<CheckResult> out) {
        if (!l.stated()) {
            out.accept(CheckResult.skip(subject + " limits", "MQTT 3.1.1 states no limits"));
            return;
        }
        PublishTargets largest = targets.stream().max((a, b) -> Integer.compare(a.largestPayload(), b.largestPayload()))
                .orElse(null);
        if (l.maximumPacketSize() == 0) {
            out.accept(CheckResult.ok(subject + " maximum packet size", "none stated"));
        } else if (largest != null && largest.largestPayload() + 300 > l.maximumPacketSize()) {
            out.accept(CheckResult.fail(subject + " maximum packet size", l.maximumPacketSize() + " B, but the "
                    + largest.kind() + " to " + largest.topic() + " can reach about " + largest.largestPayload()
                    + " B of payload; larger messages are dead-lettered as packet-too-large",
                    "raise the broker's maximum packet size (mosquitto: max_packet_size) to at least "
                            + (largest.largestPayload() + 300) + " B"));
        } else {
            out.accept(CheckResult.ok(subject + " maximum packet size", l.maximumPacketSize()
                    + " B, enough for the largest payload (about " + (largest == null ? 0 : largest.largestPayload())
                    + " B)"));
        }
        int window = Math.min(cfg.maxInflight(), l.receiveMaximum());
        // mosquitto states 20 (max_inflight_messages) by default: a smaller window, not a problem.
        out.accept(CheckResult.ok(subject + " receive maximum", l.receiveMaximum() + " (in-flight window " + window
                + " = the smaller of it and mqtt.max-inflight " + cfg.maxInflight() + ")"));
        if (!l.retainAvailable()) {
            out.accept(CheckResult.fail(subject + " retain", "not available: the status message and Home Assistant"
                    + " discovery are retained and will be refused", "allow retained messages on the broker"
                    + " (mosquitto: retain_available true)"));
        } else {
            out.accept(CheckResult.ok(subject + " retain", "available"));
        }
        if (l.maximumQos() < cfg.qos()) {
            out.accept(CheckResult.fail(subject + " maximum QoS", l.maximumQos() + ", below mqtt.qos " + cfg.qos(),
                    "allow QoS 1 on the broker (mosquitto: max_qos 1 or 2)"));
        } else {
            out.accept(CheckResult.ok(subject + " maximum QoS", String.valueOf(l.maximumQos())));
        }
    }
}
