package org.iotgateway.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.FilterConfig;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.GatewaySettings;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.stream.AggregateKind;

/** Builds configs in Java: the YAML loader is not ours to use here. */
final class TestConfigs {
    static final List<AggregateKind> ALL = List.of(AggregateKind.values()).subList(0, 7);
    static final List<AggregateKind> BENCH = List.of(
            AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX, AggregateKind.SUM, AggregateKind.MEAN);

    private TestConfigs() {
    }

    static ChannelConfig channel(String id, Duration window, List<FilterConfig> filters) {
        return new ChannelConfig(id, "u", filters, window, ALL, null);
    }

    static SensorConfig sensor(String id, ChannelConfig... channels) {
        return new SensorConfig(id, "simulated", null, List.of(channels));
    }

    static GatewayConfig gateway(String id, SensorConfig... sensors) {
        return new GatewayConfig(new GatewaySettings(id, null), null, null, null, List.of(sensors));
    }

    /** {@code sensors} sensors s0.., each with one 10 s channel {@code value}. */
    static GatewayConfig simple(int sensors) {
        return simple("test", sensors);
    }

    /** As config/examples/bench-100.yaml has it when {@code sensors} is 100. */
    static GatewayConfig simple(String gatewayId, int sensors) {
        List<SensorConfig> list = new ArrayList<>();
        for (int i = 0; i < sensors; i++) {
            list.add(sensor("s" + i, new ChannelConfig("value", null, List.of(), Duration.ofSeconds(10), BENCH, null)));
        }
        return new GatewayConfig(new GatewaySettings(gatewayId, null), null, null, null, list);
    }
}
