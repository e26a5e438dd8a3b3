package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.filter.HampelParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream engine's keys: windows, lateness, empty windows, new aggregates and filters, overflow. */
class StreamEngineConfigTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    static String channel(String extra) {
        return """
                gateway: {id: g1}
                stream:
                  overflow: block
                  block-timeout: 50ms
                sensors:
                  - id: s1
                    driver: simulated
                    channels:
                      - id: c1
                """ + extra.indent(8);
    }

    @Test
    void slidingWindowWithLatenessEmptyWindowsAndEveryAggregate() throws Exception {
        GatewayConfig c = files.load(channel("""
                window: 1m
                slide: 10s
                allowed-lateness: 5s
                empty-windows: emit
                aggregates: [count, stddev, twmean, rate, p50, p90, p95, p99]
                filters:
                  - {type: hampel, window: 9, k: 2.5}
                  - {type: deadband, threshold: 0.2, heartbeat: 5m}
                  - {type: median, window: 3}
                  - {type: rate-of-change, max-per-second: 4}
                  - {type: throttle, interval: 1s}
                  - {type: calibrate, polynomial: [0.5, 1, 0.01]}
                """));
        ChannelConfig ch = c.sensors().get(0).channels().get(0);
        assertThat(ch.slide()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ch.allowedLateness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ch.emptyWindows()).isEqualTo(ChannelConfig.EmptyWindows.EMIT);
        assertThat(ch.aggregates()).contains(AggregateKind.TWMEAN, AggregateKind.P99);
        assertThat(ch.filters()).extracting(FilterConfig::type)
                .containsExactly("hampel", "deadband", "median", "rate-of-change", "throttle", "calibrate");
        assertThat(ch.filters().get(0).params()).isEqualTo(new HampelParams(9, 2.5));
        assertThat(c.stream().overflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(c.stream().blockTimeout()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void windowNoneAndTheTumblingDefaults() throws Exception {
        ChannelConfig none = files.load(channel("window: none")).sensors().get(0).channels().get(0);
        assertThat(none.window()).isZero();
        ChannelConfig plain = files.load(channel("window: 10s")).sensors().get(0).channels().get(0);
        assertThat(plain.slide()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plain.allowedLateness()).isZero();
        assertThat(plain.emptyWindows()).isEqualTo(ChannelConfig.EmptyWindows.SKIP);
    }

    @Test
    void badWindowSettingsPointAtTheKey() throws Exception {
        assertThat(files.problems(channel("window: 1m\nslide: 7s")))
                .singleElement().asString().contains("'slide' must be at least 1ms and divide 'window' (60000ms), got 7000ms");
        assertThat(files.problems(channel("window: none\nslide: 1s")))
                .singleElement().asString().contains("'window: none' takes no 'slide'");
        assertThat(files.problems(channel("window: 1s\nallowed-lateness: 2h")))
                .singleElement().asString().contains("'allowed-lateness' must be at most 1000 slides");
        assertThat(files.problems(channel("window: never")))
                .singleElement().asString().contains("'window' must be a duration");
        assertThat(files.problems(channel("filters: [{type: deadband}]")))
                .singleElement().asString().contains("threshold");
        assertThat(files.problems(channel("filters: [{type: calibrate, scale: 2, polynomial: [1, 2]}]")))
                .singleElement().asString().contains("either 'polynomial' or 'scale'/'offset'");
    }
}
