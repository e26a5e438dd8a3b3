package org.iotgateway.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.mqtt.GatewayIdentity;
import org.iotgateway.mqtt.RetainedMessage;
import org.iotgateway.stream.AggregateKind;
import org.junit.jupiter.api.Test;

/**
 * The discovery configs against Home Assistant's documented schema: the MQTT integration's "MQTT
 * Discovery" (topic format, device and origin mappings, single-component payloads) and the MQTT
 * sensor's configuration variables (home-assistant.io/integrations/sensor.mqtt), as validated by
 * homeassistant/components/mqtt/schemas.py and sensor.py.
 */
class DiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayIdentity ID = new GatewayIdentity("pi.greenhouse", "1.2.3", "ab".repeat(32),
            Instant.parse("2026-11-24T05:00:00Z"));

    /** The MQTT sensor's configuration variables (sensor.mqtt), plus discovery's {@code origin}. */
    private static final Set<String> SENSOR_OPTIONS = Set.of("availability", "availability_mode",
            "availability_template", "availability_topic", "default_entity_id", "device", "device_class",
            "enabled_by_default", "encoding", "entity_category", "entity_picture", "expire_after", "force_update",
            "icon", "json_attributes_template", "json_attributes_topic", "last_reset_value_template", "name",
            "object_id", "options", "origin", "payload_available", "payload_not_available", "platform", "qos",
            "state_class", "state_topic", "suggested_display_precision", "unique_id", "unit_of_measurement",
            "value_template");
    /** The device mapping's keys (MQTT_ENTITY_DEVICE_INFO_SCHEMA). */
    private static final Set<String> DEVICE_OPTIONS = Set.of("configuration_url", "connections", "hw_version",
            "identifiers", "manufacturer", "model", "model_id", "name", "serial_number", "suggested_area",
            "sw_version", "via_device");
    /** The origin mapping's keys (MQTT_ORIGIN_INFO_SCHEMA): name required. */
    private static final Set<String> ORIGIN_OPTIONS = Set.of("name", "sw_version", "support_url");
    /** SensorStateClass. */
    private static final Set<String> STATE_CLASSES = Set.of("measurement", "total", "total_increasing");

    static GatewayConfig config(String homeassistant) throws Exception {
        return new ConfigLoader().parse("gw.yaml", """
                gateway: {id: pi.greenhouse}
                mqtt: {topic: "farm/{gateway}/{sensor}/{channel}"}
                %s
                sensors:
                  - id: env-1
                    driver: simulated
                    channels:
                      - {id: temperature, unit: "°C"}
                      - {id: humidity, unit: "%%RH", aggregates: [count, max, last]}
                      - {id: rain, unit: mm, aggregates: [count, sum, max]}
                      - {id: door.open, aggregates: [count]}
                """.formatted(homeassistant));
    }

    private static JsonNode json(RetainedMessage m) throws Exception {
        return JSON.readTree(m.payload());
    }

    @Test
    void oneRetainedSensorConfigPerChannelOnTheDocumentedTopic() throws Exception {
        List<RetainedMessage> msgs = Discovery.messages(config("homeassistant: {enabled: true}"), ID);
        // <discovery_prefix>/<component>/[<node_id>/]<object_id>/config, ids of [a-zA-Z0-9_-] only
        assertThat(msgs).extracting(RetainedMessage::topic).containsExactly(
                "homeassistant/sensor/pi_greenhouse/env-1_temperature/config",
                "homeassistant/sensor/pi_greenhouse/env-1_humidity/config",
                "homeassistant/sensor/pi_greenhouse/env-1_rain/config",
                "homeassistant/sensor/pi_greenhouse/env-1_door_open/config");
        assertThat(msgs).allSatisfy(m -> assertThat(m.topic()).matches("homeassistant/sensor/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+/config"));
        assertThat(Discovery.messages(config("homeassistant: {enabled: true, prefix: ha/disc}"), ID))
                .extracting(RetainedMessage::topic).allMatch(t -> t.startsWith("ha/disc/sensor/pi_greenhouse/"));
        assertThat(Discovery.messages(config(""), ID)).as("off by default").isEmpty();
    }

    @Test
    void theTemperatureChannelFieldByField() throws Exception {
        JsonNode n = json(Discovery.messages(config("homeassistant: {enabled: true}"), ID).get(0));
        assertThat(n.get("name").asText()).isEqualTo("env-1 temperature");
        assertThat(n.get("unique_id").asText()).isEqualTo("iot-gateway/pi.greenhouse/env-1/temperature");
        assertThat(n.get("state_topic").asText()).isEqualTo("farm/pi.greenhouse/env-1/temperature");
        assertThat(n.get("value_template").asText()).isEqualTo("{{ value_json.mean }}");
        assertThat(n.get("unit_of_measurement").asText()).isEqualTo("°C");
        assertThat(n.get("device_class").asText()).isEqualTo("temperature");
        assertThat(n.get("state_class").asText()).isEqualTo("measurement");
        assertThat(n.get("json_attributes_topic").asText()).isEqualTo("farm/pi.greenhouse/env-1/temperature");
        // Availability follows the retained status topic, whose JSON "state" is online/offline
        // (birth, health, final and last will alike).
        assertThat(n.get("availability_topic").asText()).isEqualTo("farm/pi.greenhouse/status");
        assertThat(n.get("availability_template").asText()).isEqualTo("{{ value_json.state }}");
        assertThat(n.get("payload_available").asText()).isEqualTo("online");
        assertThat(n.get("payload_not_available").asText()).isEqualTo("offline");
        assertThat(n.get("qos").asInt()).isEqualTo(1);
        JsonNode device = n.get("device");
        assertThat(device.get("identifiers")).hasSize(1);
        assertThat(device.get("identifiers").get(0).asText()).isEqualTo("iot-gateway_pi_greenhouse");
        assertThat(device.get("name").asText()).isEqualTo("pi.greenhouse");
        assertThat(device.get("sw_version").asText()).isEqualTo("1.2.3");
        assertThat(device.get("manufacturer").asText()).isEqualTo("iot-gateway");
        assertThat(device.get("model").asText()).isEqualTo("iot-gateway");
        assertThat(n.get("origin").get("name").asText()).isEqualTo("iot-gateway");
        assertThat(n.get("origin").get("sw_version").asText()).isEqualTo("1.2.3");
        assertThat(n.size()).as("no other keys").isEqualTo(15);
    }

    @Test
    void everyPayloadUsesOnlyDocumentedKeysWithValidValues() throws Exception {
        for (RetainedMessage m : Discovery.messages(config("homeassistant: {enabled: true}"), ID)) {
            JsonNode n = json(m);
            assertThat(n.fieldNames()).toIterable().allMatch(SENSOR_OPTIONS::contains);
            assertThat(n.has("state_topic")).as("state_topic is required").isTrue();
            assertThat(n.has("value_template") && n.has("availability_topic")).isTrue();
            assertThat(n.get("device").fieldNames()).toIterable().allMatch(DEVICE_OPTIONS::contains);
            assertThat(n.get("device").get("identifiers").size()).as("a device needs an identifier").isPositive();
            assertThat(n.get("origin").fieldNames()).toIterable().allMatch(ORIGIN_OPTIONS::contains);
            assertThat(n.get("origin").has("name")).isTrue();
            assertThat(STATE_CLASSES).contains(n.get("state_class").asText());
            assertThat(n.get("qos").asInt()).isBetween(0, 2);
            // one device for the whole gateway
            assertThat(n.get("device").get("identifiers").get(0).asText()).isEqualTo("iot-gateway_pi_greenhouse");
        }
    }

    @Test
    void theStateIsTheMeanElseTheLastElseTheFirstOtherAggregate() throws Exception {
        List<RetainedMessage> msgs = Discovery.messages(config("homeassistant: {enabled: true}"), ID);
        assertThat(json(msgs.get(1)).get("value_template").asText()).isEqualTo("{{ value_json.last }}");
        assertThat(json(msgs.get(2)).get("value_template").asText()).isEqualTo("{{ value_json.sum }}");
        assertThat(json(msgs.get(3)).get("value_template").asText()).isEqualTo("{{ value_json.count }}");
        assertThat(Discovery.stateAggregate(List.of(AggregateKind.LAST, AggregateKind.MEAN))).isEqualTo(AggregateKind.MEAN);
    }

    @Test
    void unitsAreSentAsHomeAssistantSpellsThemAndOnlyWithAFittingDeviceClass() throws Exception {
        List<RetainedMessage> msgs = Discovery.messages(config("homeassistant: {enabled: true}"), ID);
        JsonNode humidity = json(msgs.get(1));
        assertThat(humidity.get("unit_of_measurement").asText()).as("%RH is sent as HA's %").isEqualTo("%");
        assertThat(humidity.get("device_class").asText()).isEqualTo("humidity");
        JsonNode rain = json(msgs.get(2));
        assertThat(rain.get("unit_of_measurement").asText()).isEqualTo("mm");
        assertThat(rain.has("device_class")).as("no class guessed for mm").isFalse();
        JsonNode door = json(msgs.get(3));
        assertThat(door.has("unit_of_measurement")).as("no unit: no key").isFalse();
    }
}
