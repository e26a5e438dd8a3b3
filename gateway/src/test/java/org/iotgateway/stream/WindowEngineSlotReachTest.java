package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;

/**
 * Readings further ahead of or behind the open windows than the slot ring reaches (a clock jump, a
 * bogus stamp) must never make the engine emit the same window twice: subscribers would see two
 * different aggregates for one (sensor, channel, start).
 */
class WindowEngineSlotReachTest {
    private final List<Aggregate> out = new ArrayList<>();
    private final WindowEngine engine = new WindowEngine(
            List.of(new ChannelInfo(0, "s", "c", "", 10, List.of(AggregateKind.COUNT))),
            List.<Filter[]>of(new Filter[0]), 2, out::add);

    @Test
    void aReadingBeyondTheSlotsClosesTheOlderWindowForGood() {
        engine.onReading(0, 5, 1);   // [0,10) in slot 0
        engine.onReading(0, 25, 2);  // [20,30) maps to slot 0 too: [0,10) is emitted early
        engine.onReading(0, 7, 3);   // [0,10) was emitted already: late, not a second [0,10)
        engine.flush();

        assertThat(out).extracting(Aggregate::start, Aggregate::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0L, 1L), org.assertj.core.groups.Tuple.tuple(20L, 1L));
        assertThat(engine.counts(0)).isEqualTo(new ChannelCounts(3, 0, 0, 1));
    }

    @Test
    void aReadingBehindTheSlotsIsLateAndLeavesTheNewerWindowOpen() {
        engine.onReading(0, 25, 1);  // [20,30) in slot 0
        engine.onReading(0, 5, 2);   // [0,10) maps to slot 0, which holds a newer window
        engine.onReading(0, 26, 3);  // still [20,30)
        engine.flush();

        assertThat(out).extracting(Aggregate::start, Aggregate::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(20L, 2L));
        assertThat(engine.counts(0)).isEqualTo(new ChannelCounts(3, 0, 0, 1));
    }

    @Test
    void anEarlyCloseEmitsTheChannelsOlderWindowsFirst() {
        WindowEngine three = new WindowEngine(
                List.of(new ChannelInfo(0, "s", "c", "", 10, List.of(AggregateKind.COUNT))),
                List.<Filter[]>of(new Filter[0]), 3, out::add);
        three.onReading(0, 5, 1);    // [0,10)  slot 0
        three.onReading(0, 45, 1);   // [40,50) slot 1
        three.onReading(0, 75, 1);   // [70,80) slot 1: [40,50) must go early, and [0,10), older, before it
        three.flush();

        assertThat(out).extracting(Aggregate::start).containsExactly(0L, 40L, 70L);
    }
}
