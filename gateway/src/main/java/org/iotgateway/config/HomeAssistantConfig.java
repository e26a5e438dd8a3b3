package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.util.regex.Pattern;

/**
 * Home Assistant MQTT discovery: when enabled, every channel appears in Home Assistant as a sensor
 * of one device per gateway, its availability tied to the gateway's status topic.
 *
 * @param enabled publish Home Assistant MQTT discovery configs, retained, on every connect; two channels
 *        whose discovery ids would be the same ({@code a.b/c} and {@code a_b/c}: {@code .} becomes
 *        {@code _}) are an error while it is on (default false)
 * @param prefix Home Assistant's discovery prefix (its {@code discovery_prefix}): an MQTT topic without
 *        {@code +}, {@code #}, spaces or empty levels (default {@code homeassistant})
 */
public record HomeAssistantConfig(Boolean enabled, String prefix) {
    /** Home Assistant's discovery topic levels (node id, object id) allow only these characters. */
    private static final Pattern NOT_ALLOWED_IN_ID = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final Pattern PREFIX = Pattern.compile("[^/+#\\s]+(/[^/+#\\s]+)*");

    public HomeAssistantConfig {
        enabled = enabled != null && enabled;
        prefix = prefix == null ? "homeassistant" : prefix;
        check(PREFIX.matcher(prefix).matches() && prefix.chars().noneMatch(Character::isISOControl), "prefix",
                "'prefix' must be an MQTT topic without wildcards (+, #), spaces or empty levels, got '" + prefix + "'");
    }

    public static HomeAssistantConfig defaults() {
        return new HomeAssistantConfig(null, null);
    }

    /** The {@code <node_id>} level of the discovery topics: the gateway id, '.' made '_'. */
    public static String nodeId(String gateway) {
        return NOT_ALLOWED_IN_ID.matcher(gateway).replaceAll("_");
    }

    /**
     * The {@code <object_id>} level: {@code sensor_channel}, '.' made '_'. Two channels can map to the
     * same one ({@code a.b/c} and {@code a_b/c}); {@link GatewayConfig} refuses such a config when
     * discovery is enabled, as they would overwrite each other in Home Assistant.
     */
    public static String objectId(String sensor, String channel) {
        return NOT_ALLOWED_IN_ID.matcher(sensor + "_" + channel).replaceAll("_");
    }
}
