package org.iotgateway.homeassistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.HomeAssistantConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.mqtt.GatewayIdentity;
import org.iotgateway.mqtt.RetainedMessage;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.wire.TopicTemplate;

/**
 * Home Assistant MQTT discovery configs, one per channel, in Home Assistant's single-component
 * discovery format (home-assistant.io/integrations/mqtt, "MQTT Discovery"): topic
 * {@code <prefix>/sensor/<node_id>/<object_id>/config}, payload a JSON object with the options of an
 * MQTT sensor (home-assistant.io/integrations/sensor.mqtt): {@code name}, {@code unique_id},
 * {@code state_topic}, {@code value_template}, {@code unit_of_measurement}, {@code device_class},
 * {@code state_class}, {@code json_attributes_topic}, {@code availability_topic} with
 * {@code availability_template} and {@code payload_available}/{@code payload_not_available},
 * {@code qos}, {@code device} and {@code origin}. Full key names, not the abbreviations: the
 * payloads are sent once per connect, and people read them in MQTT explorers.
 * <p>
 * Built once at start-up (start-up thread); the messages are immutable.
 */
public final class Discovery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Discovery() {
    }

    /** Every channel's discovery config, retained; empty when discovery is off. */
    public static List<RetainedMessage> messages(GatewayConfig cfg, GatewayIdentity id) {
        List<RetainedMessage> out = new ArrayList<>();
        if (!cfg.homeassistant().enabled()) {
            return out;
        }
        for (SensorConfig s : cfg.sensors()) {
            for (ChannelConfig c : s.channels()) {
                out.add(new RetainedMessage(topic(cfg, s, c), bytes(config(cfg, id, s, c))));
            }
        }
        return out;
    }

    static String topic(GatewayConfig cfg, SensorConfig s, ChannelConfig c) {
        return cfg.homeassistant().prefix() + "/sensor/" + HomeAssistantConfig.nodeId(cfg.gateway().id()) + "/"
                + HomeAssistantConfig.objectId(s.id(), c.id()) + "/config";
    }

    static ObjectNode config(GatewayConfig cfg, GatewayIdentity id, SensorConfig s, ChannelConfig c) {
        String gateway = cfg.gateway().id();
        TopicTemplate topics = new TopicTemplate(cfg.mqtt().topic());
        ObjectNode n = JSON.createObjectNode();
        n.put("name", s.id() + " " + c.id());
        // '/' cannot occur in ids, so this is unique across gateways, sensors and channels.
        n.put("unique_id", "iot-gateway/" + gateway + "/" + s.id() + "/" + c.id());
        n.put("state_topic", topics.topic(gateway, s.id(), c.id()));
        n.put("value_template", "{{ value_json." + stateAggregate(c.aggregates()).key() + " }}");
        DeviceClasses.Match match = DeviceClasses.of(c.unit(), c.id()).orElse(null);
        String unit = match != null ? match.unit() : c.unit().strip();
        if (!unit.isEmpty()) {
            n.put("unit_of_measurement", unit);
        }
        if (match != null) {
            n.put("device_class", match.deviceClass());
        }
        n.put("state_class", "measurement");
        // The whole aggregate (min, max, count, seq, ...) as the entity's attributes.
        n.put("json_attributes_topic", topics.topic(gateway, s.id(), c.id()));
        n.put("availability_topic", topics.statusTopic(gateway));
        // With availability_topic the template key is availability_template; value_template is the state's.
        n.put("availability_template", "{{ value_json.state }}");
        n.put("payload_available", "online");
        n.put("payload_not_available", "offline");
        n.put("qos", cfg.mqtt().qos());
        ObjectNode device = n.putObject("device");
        device.putArray("identifiers").add("iot-gateway_" + HomeAssistantConfig.nodeId(gateway));
        device.put("name", gateway);
        device.put("manufacturer", "iot-gateway");
        device.put("model", "iot-gateway");
        device.put("sw_version", id.version());
        n.putObject("origin").put("name", "iot-gateway").put("sw_version", id.version());
        return n;
    }

    /** The value Home Assistant shows: the mean if configured, else the last, else the first other one. */
    static AggregateKind stateAggregate(List<AggregateKind> aggregates) {
        if (aggregates.contains(AggregateKind.MEAN)) {
            return AggregateKind.MEAN;
        }
        if (aggregates.contains(AggregateKind.LAST)) {
            return AggregateKind.LAST;
        }
        return aggregates.stream().filter(k -> k != AggregateKind.COUNT).findFirst().orElse(AggregateKind.COUNT);
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a discovery config", e);
        }
    }
}
