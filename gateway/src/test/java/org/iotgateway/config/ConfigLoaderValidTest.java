package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iotgateway.driver.gpio.GpioInputParams;
import org.iotgateway.driver.gpio.Pull;
import org.iotgateway.driver.simulated.Shape;
import org.iotgateway.driver.simulated.SignalParams;
import org.iotgateway.driver.simulated.SimulatedParams;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.filter.RangeParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderValidTest {
    @TempDir
    Path dir;

    @Test
    void demoConfigBindsIntoTheRecords() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load(ConfigFiles.DEMO);

        assertThat(c.gateway()).isEqualTo(new GatewaySettings("demo-gateway", true));
        assertThat(c.mqtt().broker()).containsExactly("tcp://localhost:1883");
        assertThat(c.mqtt().qos()).isEqualTo(1);
        assertThat(c.mqtt().keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.outbox()).isEqualTo(new OutboxConfig(Path.of("data/demo-outbox"), new DataSize(16_000_000), Duration.ofDays(7)));
        assertThat(c.stream()).isEqualTo(new StreamConfig(65536, OverflowPolicy.DROP_NEWEST, java.time.Duration.ofMillis(10)));

        SensorConfig s = c.sensors().get(0);
        assertThat(s.id()).isEqualTo("env-1");
        assertThat(s.driver()).isEqualTo("simulated");
        assertThat(s.params()).isEqualTo(new SimulatedParams(1.0, 1L));
        ChannelConfig ch = s.channels().get(0);
        assertThat(ch.id()).isEqualTo("temperature");
        assertThat(ch.unit()).isEqualTo("°C");
        assertThat(ch.window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ch.aggregates()).containsExactly(AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX,
                AggregateKind.MEAN, AggregateKind.LAST);
        assertThat(ch.params()).isEqualTo(new SignalParams(Shape.SINE, 21.5, 1.5, Duration.ofSeconds(60), null));
        assertThat(ch.filters()).containsExactly(new FilterConfig("range", new RangeParams(-40.0, 85.0)));
    }

    /** YAML 1.1 reads off, on, yes and no as booleans; a key that is not a boolean gets the word as written. */
    @Test
    void yamlBooleanWordsBindAsWrittenWhereTheKeyIsNotABoolean() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load("""
                gateway: {id: g, print: yes}
                mqtt: {username: no}
                sensors:
                  - {id: door, driver: gpio-input, params: {pin: 17, pull: off, invert: on}, channels: [{id: open}]}
                """);

        assertThat(c.gateway().print()).isTrue();
        assertThat(c.mqtt().username()).isEqualTo("no");
        GpioInputParams door = (GpioInputParams) c.sensors().get(0).params();
        assertThat(door.pull()).isEqualTo(Pull.OFF);
        assertThat(door.invert()).isTrue();
    }

    @Test
    void absentSectionsAndParamsTakeTheRecordDefaults() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load("gateway: {id: g}\n" + ConfigFiles.MINIMAL_SENSORS);

        assertThat(c.mqtt()).isEqualTo(MqttConfig.defaults());
        assertThat(c.outbox()).isEqualTo(OutboxConfig.defaults());
        assertThat(c.stream()).isEqualTo(StreamConfig.defaults());
        assertThat(c.sensors().get(0).params()).isEqualTo(new SimulatedParams(null, null));
        assertThat(c.sensors().get(0).channels().get(0).params()).isEqualTo(SignalParams.defaults());
        assertThat(c.sensors().get(0).channels().get(0).filters()).isEmpty();
    }

    @Test
    void brokerTakesAListAndKebabCaseKeysBind() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load("""
                gateway: {id: g}
                mqtt:
                  broker: [tcp://a:1883, ssl://b:8883]
                  client-id: me
                  keep-alive: 2m
                  max-inflight: 10
                  tls: {ca: /etc/ca.pem}
                outbox: {max-age: 2h, max-bytes: 2MiB}
                """ + ConfigFiles.MINIMAL_SENSORS);

        assertThat(c.mqtt().broker()).containsExactly("tcp://a:1883", "ssl://b:8883");
        assertThat(c.mqtt().clientId()).isEqualTo("me");
        assertThat(c.mqtt().keepAlive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.mqtt().maxInflight()).isEqualTo(10);
        assertThat(c.mqtt().tls()).isEqualTo(new TlsConfig(Path.of("/etc/ca.pem"), null, null, null, null, null));
        assertThat(c.outbox().maxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(c.outbox().maxBytes()).isEqualTo(new DataSize(2 << 20));
    }

    @Test
    void substitutedTextIsConvertedToTheTargetType() throws Exception {
        GatewayConfig c = new ConfigFiles(dir, Map.of("QOS", "0", "PRINT", "true")).load("""
                gateway: {id: "${GW_ID:-edge-7}", print: "${PRINT}"}
                mqtt: {qos: "${QOS:-1}", max-inflight: "${INFLIGHT:-20}"}
                """ + ConfigFiles.MINIMAL_SENSORS);

        assertThat(c.gateway()).isEqualTo(new GatewaySettings("edge-7", true));
        assertThat(c.mqtt().qos()).isZero();
        assertThat(c.mqtt().maxInflight()).isEqualTo(20);
    }

    @Test
    void calibrateFilterAndSeveralSensorsBindInOrder() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load("""
                gateway: {id: g}
                sensors:
                  - id: a
                    driver: simulated
                    params: {rate: 10, seed: 42}
                    channels:
                      - id: x
                        filters: [{type: calibrate, scale: 2, offset: -1}, {type: range}]
                  - id: b
                    driver: simulated
                    channels: [{id: x, aggregates: sum}, {id: y, params: {shape: random-walk, rate: 5}}]
                """);

        assertThat(c.sensors()).extracting(SensorConfig::id).containsExactly("a", "b");
        assertThat(c.sensors().get(0).params()).isEqualTo(new SimulatedParams(10.0, 42L));
        assertThat(c.sensors().get(0).channels().get(0).filters()).extracting(FilterConfig::type)
                .containsExactly("calibrate", "range");
        assertThat(c.sensors().get(1).channels().get(0).aggregates()).isEqualTo(List.of(AggregateKind.SUM));
        assertThat(((SignalParams) c.sensors().get(1).channels().get(1).params()).shape()).isEqualTo(Shape.RANDOM_WALK);
    }
}
