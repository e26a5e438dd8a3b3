package org.iotgateway.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowShorterThanSamplingTest {
    private final WindowShorterThanSampling check = new WindowShorterThanSampling();

    @Test
    void aWindowShorterThanThePollIntervalIsReportedAtTheWindow() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                sensors:
                  - id: env
                    driver: bme280
                    params: {interval: 30s}
                    channels:
                      - {id: temperature, window: 1m}
                      - {id: humidity, window: 10s}
                """)).containsExactly("gw.yaml:8:32: window 10s of env/humidity is shorter than its sample interval 30s "
                + "(set by the bme280 driver's params): most windows get no reading and are skipped; make the window "
                + "at least 30s");
    }

    @Test
    void theDefaultWindowIsReportedAtTheChannelAndEmittedEmptyWindowsAreNamed() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                sensors:
                  - id: rain
                    driver: gpio-counter
                    params: {pin: 27, interval: 5m}
                    channels:
                      - {id: total, empty-windows: emit}
                """)).singleElement().asString()
                .startsWith("gw.yaml:7:9: window 1m of rain/total is shorter than its sample interval 5m")
                .contains("are emitted with count 0");
    }

    @Test
    void aChannelRateOrAThrottleSetsTheIntervalAndWindowNoneIsNeverTooShort() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                sensors:
                  - id: sim
                    driver: simulated
                    params: {rate: 10}
                    channels:
                      - {id: fast, window: 1s}
                      - {id: slow, window: 5s, params: {rate: 0.1}}
                      - {id: throttled, window: 10s, filters: [{type: throttle, interval: 1m}]}
                      - {id: raw, window: none, params: {rate: 0.01}}
                """)).satisfiesExactly(
                        w -> assertThat(w).startsWith("gw.yaml:8:28: window 5s of sim/slow").contains("sample interval 10s"),
                        w -> assertThat(w).startsWith("gw.yaml:9:33: window 10s of sim/throttled")
                                .contains("sample interval 1m (set by its throttle filter)"));
    }

    @Test
    void equalOrLongerWindowsAndDevicePacedDriversPass() {
        assertThat(Lint.run(check, """
                gateway: {id: g}
                sensors:
                  - id: door
                    driver: gpio-input
                    params: {pin: 17, heartbeat: 60s}
                    channels: [{id: open, window: 1m}]
                  - id: board
                    driver: serial
                    params: {port: /dev/ttyUSB0, parser: json}
                    channels: [{id: t, window: 1ms}]
                """)).isEmpty();
    }
}
