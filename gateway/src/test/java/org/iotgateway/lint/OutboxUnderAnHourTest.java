package org.iotgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotgateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class OutboxUnderAnHourTest {
    private final OutboxUnderAnHour check = new OutboxUnderAnHour();

    private static String config(String outbox) {
        return """
                gateway: {id: g}
                outbox: {%s}
                sensors:
                  - id: pump
                    driver: simulated
                    params: {rate: 1000}
                    channels:
                      - {id: vibration, window: none, aggregates: [last]}
                      - {id: temperature, window: 10s, slide: 1s}
                  - id: board
                    driver: serial
                    params: {port: /dev/ttyUSB0, parser: json}
                    channels: [{id: raw, window: none}, {id: avg, window: 1m}]
                """.formatted(outbox);
    }

    @Test
    void aggregatesPerHourFollowSlidesAndRatesAndDevicePacedChannelsAreLeftOut() {
        OutboxLoad load = OutboxLoad.of(Lint.load(config("path: data/o")).config());
        assertThat(load.aggregatesPerHour()).isEqualTo(3_600_000 + 3_600 + 60);
        assertThat(load.unknownRate()).isEqualTo(1);
        double bytesEach = load.bytesPerHour() / load.aggregatesPerHour();
        assertThat(bytesEach).as("topic + JSON payload + row overhead").isBetween(200.0, 400.0);
    }

    @Test
    void warnsAtMaxBytesJustBelowOneHourAndNotJustAbove() {
        GatewayConfig cfg = Lint.load(config("path: data/o")).config();
        long perHour = (long) OutboxLoad.of(cfg).bytesPerHour();
        long justBelow = 2 * perHour * 99 / 100;
        long justAbove = 2 * perHour * 101 / 100;
        assertThat(Lint.run(check, config("max-bytes: " + justBelow))).singleElement().asString()
                .startsWith("gw.yaml:2:21: the outbox holds about 0.99 h of aggregates at the configured rates")
                .contains("not counting 1 channel(s) whose rate the device sets")
                .contains("evicts the oldest aggregates (drop-oldest)")
                .contains("set max-bytes to at least " + (long) Math.ceil(2.0 * perHour / 1e6) + "MB");
        assertThat(Lint.run(check, config("max-bytes: " + justAbove))).isEmpty();
    }

    @Test
    void rejectNewIsNamedAndTheDefaultPositionIsTheOutboxKey() {
        String yaml = config("full-policy: reject-new");
        double hours = 32e6 / OutboxLoad.of(Lint.load(yaml).config()).bytesPerHour(); // half of the default 64MB
        assertThat(Lint.run(check, yaml)).singleElement().asString()
                .startsWith("gw.yaml:2:1: the outbox holds about " + OutboxLoad.formatHours(hours) + " of aggregates")
                .contains("rejects new aggregates (reject-new)");
    }

    @Test
    void noEstimateNoWarning() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                outbox: {max-bytes: 1MB}
                sensors:
                  - id: board
                    driver: serial
                    params: {port: /dev/ttyUSB0, parser: json}
                    channels: [{id: raw, window: none}]
                """)).isEmpty();
    }
}
