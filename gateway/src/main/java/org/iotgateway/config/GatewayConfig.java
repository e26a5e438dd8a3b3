package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.util.List;

/**
 * The whole configuration file, bound from YAML and validated at load (no I/O here).
 *
 * @param gateway identity and console output
 * @param mqtt the broker connection (optional: without it aggregates stay in the outbox)
 * @param outbox the local store-and-forward file
 * @param stream the ring buffer
 * @param http the local status page (optional: without it no server runs)
 * @param sensors at least one sensor
 */
public record GatewayConfig(GatewaySettings gateway, MqttConfig mqtt, OutboxConfig outbox,
                            StreamConfig stream, HttpConfig http, List<SensorConfig> sensors) {
    public GatewayConfig {
        required(gateway, "gateway");
        mqtt = mqtt == null ? MqttConfig.defaults() : mqtt;
        outbox = outbox == null ? OutboxConfig.defaults() : outbox;
        stream = stream == null ? StreamConfig.defaults() : stream;
        http = http == null ? HttpConfig.disabled() : http;
        sensors = List.copyOf(required(sensors, "sensors"));
        check(!sensors.isEmpty(), "sensors", "'sensors' needs at least one sensor");
    }

    public GatewayConfig(GatewaySettings gateway, MqttConfig mqtt, OutboxConfig outbox, StreamConfig stream,
                         List<SensorConfig> sensors) {
        this(gateway, mqtt, outbox, stream, null, sensors);
    }
}
