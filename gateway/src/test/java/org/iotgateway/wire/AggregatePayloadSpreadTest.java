package org.iotgateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.AggregateKind;
import org.iotgateway.stream.ChannelInfo;
import org.junit.jupiter.api.Test;

/** The engine's newer aggregates and the clock flag on the wire. */
class AggregatePayloadSpreadTest {
    static final ChannelInfo CH = new ChannelInfo(0, "s", "c", "u", 1000,
            List.of(AggregateKind.COUNT, AggregateKind.STDDEV, AggregateKind.TWMEAN, AggregateKind.RATE,
                    AggregateKind.P50, AggregateKind.P99));

    @Test
    void spreadKeysInConfigOrderUndefinedAsNull() {
        Aggregate a = new Aggregate(CH, 0, 1000, 1, 2, 2, 2, 2, 2,
                new Aggregate.Spread(0, 2, Double.NaN, 2, 2, 2, 2.5), false);
        assertThat(AggregatePayload.render(7, "g", a)).endsWith(
                "\"count\":1,\"stddev\":0.0,\"twmean\":2.0,\"rate\":null,\"p50\":2.0,\"p99\":2.5}");
    }

    @Test
    void anUnsynchronisedClockIsSaidOnlyWhenItApplies() {
        Aggregate a = new Aggregate(CH, 0, 1000, 0, 0, 0, 0, 0, 0, Aggregate.Spread.NONE, true);
        assertThat(AggregatePayload.render(1, "g", a)).endsWith(",\"clock\":\"unsynced\"}");
        Aggregate b = new Aggregate(CH, 0, 1000, 0, 0, 0, 0, 0, 0);
        assertThat(AggregatePayload.render(1, "g", b)).doesNotContain("clock");
    }
}
