package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.wire.TopicTemplate;

/**
 * The whole configuration file, bound from YAML and validated at load (no I/O here).
 *
 * @param gateway the gateway's identity and console output
 * @param mqtt the broker connection; aggregates wait in the outbox until the broker acknowledges them
 * @param outbox the local store-and-forward file
 * @param stream the ring buffer between the drivers and the stream engine
 * @param http the local status page with {@code /metrics} and {@code /health}; present means on
 *        (default: none, no server runs)
 * @param sensors at least one sensor; sensor ids unique
 * @param homeassistant Home Assistant MQTT discovery (default: off)
 * @param remoteConfig signed configs pushed over MQTT, applied live and rolled back when they break the
 *        link (default: off)
 */
public record GatewayConfig(GatewaySettings gateway, MqttConfig mqtt, OutboxConfig outbox,
                            StreamConfig stream, HttpConfig http, List<SensorConfig> sensors,
                            HomeAssistantConfig homeassistant, RemoteConfigSettings remoteConfig) {
    public GatewayConfig {
        required(gateway, "gateway");
        mqtt = mqtt == null ? MqttConfig.defaults() : mqtt;
        outbox = outbox == null ? OutboxConfig.defaults() : outbox;
        stream = stream == null ? StreamConfig.defaults() : stream;
        http = http == null ? HttpConfig.disabled() : http;
        sensors = List.copyOf(required(sensors, "sensors"));
        check(!sensors.isEmpty(), "sensors", "'sensors' needs at least one sensor");
        homeassistant = homeassistant == null ? HomeAssistantConfig.defaults() : homeassistant;
        if (homeassistant.enabled()) {
            checkDiscoveryIds(sensors);
        }
        remoteConfig = remoteConfig == null ? RemoteConfigSettings.defaults() : remoteConfig;
        if (remoteConfig.enabled()) {
            checkRemoteTopics(remoteConfig, mqtt.topic(), gateway.id(), sensors);
        }
    }

    /** A channel publishing to the config topic would push its aggregates to the gateway as configs. */
    private static void checkRemoteTopics(RemoteConfigSettings remote, String template, String id,
                                          List<SensorConfig> sensors) {
        String set = remote.topicFor(template, id);
        String result = remote.resultTopicFor(template, id);
        TopicTemplate topics = new TopicTemplate(template);
        for (SensorConfig s : sensors) {
            for (ChannelConfig c : s.channels()) {
                String t = topics.topic(id, s.id(), c.id());
                check(!t.equals(set) && !t.equals(result), "remote-config", "channel " + s.id() + "/" + c.id()
                        + " publishes to '" + t + "', a remote-config topic; rename it or set remote-config.topic");
            }
        }
    }

    /** The same config with another remote-config section. */
    public GatewayConfig withRemoteConfig(RemoteConfigSettings remote) {
        return new GatewayConfig(gateway, mqtt, outbox, stream, http, sensors, homeassistant, remote);
    }

    /** Two channels with one discovery topic would overwrite each other in Home Assistant. */
    private static void checkDiscoveryIds(List<SensorConfig> sensors) {
        Map<String, String> seen = new HashMap<>();
        for (SensorConfig s : sensors) {
            for (ChannelConfig c : s.channels()) {
                String key = s.id() + "/" + c.id();
                String objectId = HomeAssistantConfig.objectId(s.id(), c.id());
                String other = seen.putIfAbsent(objectId, key);
                check(other == null, "homeassistant", "channels " + other + " and " + key
                        + " get the same Home Assistant object id '" + objectId + "' ('.' becomes '_'); rename one");
            }
        }
    }

    public GatewayConfig(GatewaySettings gateway, MqttConfig mqtt, OutboxConfig outbox, StreamConfig stream,
                         List<SensorConfig> sensors) {
        this(gateway, mqtt, outbox, stream, null, sensors, null, null);
    }
}
