package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.stream.filter.RangeFilter;
import org.iotgateway.stream.filter.RangeParams;
import org.junit.jupiter.api.Test;

/** The per-sensor counts of the status message: every offered reading lands in exactly one bucket. */
class CountTallyTest {

    @Test
    void sumsChannelsPerSensorWithTheRingsDrops() {
        List<ChannelInfo> channels = List.of(
                new ChannelInfo(0, "env", "t", "", 1_000, List.of(AggregateKind.COUNT)),
                new ChannelInfo(1, "env", "h", "", 1_000, List.of(AggregateKind.COUNT)),
                new ChannelInfo(2, "door", "open", "", 1_000, List.of(AggregateKind.COUNT)));
        WindowEngine engine = new WindowEngine(channels, List.of(new Filter[] {new RangeFilter(new RangeParams(0.0, 10.0))},
                new Filter[0], new Filter[0]), 2, a -> { });
        ReadingRing ring = new ReadingRing(16, 3, new RejectCounter());
        engine.onReading(0, 500, 5);     // aggregated
        engine.onReading(0, 600, 50);    // rejected by range
        engine.onReading(1, 700, Double.NaN); // rejected: not a number
        engine.onReading(1, 800, 1);     // aggregated
        engine.advanceWatermark(5_000);
        engine.onReading(2, 900, 1);     // late: its window closed
        for (int i = 0; i < 20; i++) {
            ring.offer(2, 1_000, 1);     // 16 fill the ring (not yet counted), 4 dropped
        }

        CountTally.Totals t = new CountTally(channels, engine::counts, ring::dropped).take();

        assertThat(t.bySensor()).containsOnlyKeys("env", "door");
        assertThat(t.bySensor().get("env")).isEqualTo(new ReadingCounts(4, 2, 0, 2, 0, 0));
        assertThat(t.bySensor().get("door")).isEqualTo(new ReadingCounts(5, 0, 4, 0, 0, 1));
        assertThat(t.total()).isEqualTo(new ReadingCounts(9, 2, 4, 2, 0, 1));
    }
}
