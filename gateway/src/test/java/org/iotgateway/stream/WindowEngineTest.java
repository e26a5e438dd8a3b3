package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.stream.filter.RangeFilter;
import org.iotgateway.stream.filter.RangeParams;
import org.junit.jupiter.api.Test;

class WindowEngineTest {
    static final List<AggregateKind> ALL = List.of(AggregateKind.values());
    final List<Aggregate> out = new ArrayList<>();

    WindowEngine engine(long windowMillis, Filter... filters) {
        ChannelInfo a = new ChannelInfo(0, "s", "a", "u", windowMillis, ALL);
        ChannelInfo b = new ChannelInfo(1, "s", "b", "u", windowMillis * 2, ALL);
        return new WindowEngine(List.of(a, b), List.of(filters, new Filter[0]), 2, out::add);
    }

    @Test
    void windowsAreEpochAlignedAndCloseWhenTheWatermarkPassesTheirEnd() {
        WindowEngine e = engine(1000);
        e.onReading(0, 1_500, 3.0);
        e.onReading(0, 1_100, 1.0);
        e.onReading(0, 1_999, 2.0);
        e.advanceWatermark(1_999);
        assertThat(out).isEmpty();
        e.advanceWatermark(2_000);
        assertThat(out).hasSize(1);
        Aggregate agg = out.get(0);
        assertThat(agg.start()).isEqualTo(1_000);
        assertThat(agg.end()).isEqualTo(2_000);
        assertThat(agg.count()).isEqualTo(3);
        assertThat(agg.min()).isEqualTo(1.0);
        assertThat(agg.max()).isEqualTo(3.0);
        assertThat(agg.sum()).isEqualTo(6.0);
        assertThat(agg.mean()).isEqualTo(2.0);
        assertThat(agg.first()).as("earliest timestamp, not first to arrive").isEqualTo(1.0);
        assertThat(agg.last()).isEqualTo(2.0);
    }

    @Test
    void negativeTimestampsAlignToo() {
        WindowEngine e = engine(1000);
        e.onReading(0, -1, 1.0);
        e.flush();
        assertThat(out.get(0).start()).isEqualTo(-1000);
        assertThat(out.get(0).end()).isZero();
    }

    @Test
    void readingsForAClosedWindowAreCountedLateNotAggregated() {
        WindowEngine e = engine(1000);
        e.onReading(0, 100, 1.0);
        e.advanceWatermark(1_000);
        e.onReading(0, 999, 5.0);
        e.onReading(0, 1_000, 7.0);
        e.flush();
        assertThat(out).extracting(Aggregate::count).containsExactly(1L, 1L);
        assertThat(e.counts(0)).isEqualTo(new ChannelCounts(3, 0, 0, 1));
    }

    @Test
    void aggregatesLeaveInWindowEndOrderAcrossChannels() {
        WindowEngine e = engine(1000);
        e.onReading(1, 0, 1.0);       // b: [0, 2000)
        e.onReading(0, 0, 1.0);       // a: [0, 1000)
        e.onReading(0, 1_000, 1.0);   // a: [1000, 2000)
        e.onReading(0, 2_500, 1.0);   // a: [2000, 3000)
        e.advanceWatermark(10_000);
        assertThat(out).extracting(a -> a.channel().channel() + "@" + a.end())
                .containsExactly("a@1000", "a@2000", "b@2000", "a@3000");
    }

    @Test
    void watermarkNeverMovesBack() {
        WindowEngine e = engine(1000);
        e.advanceWatermark(5_000);
        e.advanceWatermark(1_000);
        assertThat(e.watermark()).isEqualTo(5_000);
        e.onReading(0, 4_500, 1.0);
        assertThat(e.counts(0).late()).isEqualTo(1);
    }

    @Test
    void aReadingBeyondTheOpenSlotsClosesTheOldestEarlyInsteadOfLosingIt() {
        WindowEngine e = engine(1000);
        e.onReading(0, 0, 1.0);
        e.onReading(0, 2_000, 2.0); // same slot as window 0 with 2 slots
        assertThat(out).hasSize(1);
        e.flush();
        assertThat(out).extracting(Aggregate::start).containsExactly(0L, 2_000L);
    }

    @Test
    void filtersRejectAndEveryReadingIsAccountedFor() {
        WindowEngine e = engine(1000, new RangeFilter(new RangeParams(0.0, 10.0)));
        e.onReading(0, 10, 5.0);
        e.onReading(0, 20, 50.0);
        e.onReading(0, 30, Double.NaN);
        e.onReading(0, 40, Double.POSITIVE_INFINITY);
        e.flush();
        ChannelCounts c = e.counts(0);
        assertThat(c).isEqualTo(new ChannelCounts(4, 3, 0, 0));
        assertThat(c.aggregated()).isEqualTo(out.get(0).count()).isEqualTo(1);
    }
}
