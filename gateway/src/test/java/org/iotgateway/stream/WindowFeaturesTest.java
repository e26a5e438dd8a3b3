package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;

/** Sliding windows, lateness, empty windows, window: none, and the clock flags, by hand-worked example. */
class WindowFeaturesTest {
    final List<Aggregate> out = new ArrayList<>();

    WindowEngine engine(ChannelInfo info) {
        return new WindowEngine(List.of(info), List.<Filter[]>of(new Filter[0]), 2, out::add);
    }

    static ChannelInfo channel(long size, long slide, long lateness, boolean emitEmpty) {
        return new ChannelInfo(0, "s", "c", "", size, List.of(AggregateKind.COUNT, AggregateKind.SUM), slide, lateness, emitEmpty);
    }

    @Test
    void aSlidingReadingLandsInEveryWindowThatContainsIt() {
        WindowEngine e = engine(channel(1000, 250, 0, false));
        e.onReading(0, 1100, 1);
        e.onReading(0, 1600, 2);
        e.flush();
        // 1100 is in the windows starting 250, 500, 750, 1000; 1600 in those starting 750 .. 1500
        assertThat(out).extracting(Aggregate::start).containsExactly(250L, 500L, 750L, 1000L, 1250L, 1500L);
        assertThat(out).extracting(Aggregate::end).containsExactly(1250L, 1500L, 1750L, 2000L, 2250L, 2500L);
        assertThat(out).extracting(Aggregate::sum).containsExactly(1.0, 1.0, 3.0, 3.0, 2.0, 2.0);
    }

    @Test
    void allowedLatenessKeepsAWindowOpenPastItsEnd() {
        WindowEngine e = engine(channel(1000, 1000, 500, false));
        e.onReading(0, 100, 1);
        e.advanceWatermark(1400);
        e.onReading(0, 900, 2); // 400 ms after the end: within the lateness
        assertThat(out).isEmpty();
        e.advanceWatermark(1500);
        assertThat(out).singleElement().extracting(Aggregate::count).isEqualTo(2L);
        e.onReading(0, 999, 3);
        assertThat(e.counts(0).late()).isEqualTo(1);
    }

    @Test
    void aReadingLateForOnlySomeOfItsSlidingWindowsCountsLateOnceAndJoinsTheOpenOnes() {
        WindowEngine e = engine(channel(1000, 500, 0, false));
        e.advanceWatermark(1500);
        e.onReading(0, 1200, 5); // [500,1500) closed, [1000,2000) open
        e.flush();
        assertThat(e.counts(0).late()).isEqualTo(1);
        assertThat(out).singleElement().extracting(Aggregate::start).isEqualTo(1000L);
    }

    @Test
    void emptyWindowsAreEmittedWithCountZeroWhenConfigured() {
        WindowEngine e = engine(channel(1000, 1000, 0, true));
        e.onReading(0, 100, 4);
        e.advanceWatermark(3000);
        e.onReading(0, 3100, 6);
        e.advanceWatermark(4000);
        assertThat(out).extracting(Aggregate::start).containsExactly(0L, 1000L, 2000L, 3000L);
        assertThat(out).extracting(Aggregate::count).containsExactly(1L, 0L, 0L, 1L);
        Aggregate empty = out.get(1);
        assertThat(empty.min()).isInfinite();
        assertThat(empty.mean()).isNaN();
    }

    @Test
    void emptyWindowsAreSkippedByDefault() {
        WindowEngine e = engine(channel(1000, 1000, 0, false));
        e.onReading(0, 100, 4);
        e.onReading(0, 3100, 6);
        e.advanceWatermark(5000);
        assertThat(out).extracting(Aggregate::start).containsExactly(0L, 3000L);
    }

    @Test
    void withoutAWindowEachReadingIsForwardedAtOnce() {
        WindowEngine e = engine(new ChannelInfo(0, "door", "open", "", 0, List.of(AggregateKind.LAST), 0, 0, false));
        e.onReading(0, 1234, 1);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(1234);
            assertThat(a.end()).isEqualTo(1235);
            assertThat(a.last()).isEqualTo(1);
            assertThat(a.count()).isEqualTo(1);
        });
        e.onReading(0, 1000, 0);
        assertThat(out).hasSize(2);
        assertThat(e.counts(0).late()).as("nothing waits, so nothing is late").isZero();
    }

    @Test
    void aggregatesOfReadingsTakenWhileTheClockIsUnsynchronisedAreFlagged() {
        WindowEngine e = engine(channel(1000, 1000, 0, false));
        e.clockUnsynced(true);
        e.onReading(0, 100, 1);
        e.clockUnsynced(false);
        e.onReading(0, 1100, 1);
        e.flush();
        assertThat(out).extracting(Aggregate::clockUnsynced).containsExactly(true, false);
    }

    @Test
    void restartAtClosesOpenWindowsAndAcceptsReadingsOfTheEarlierTimeAgain() {
        WindowEngine e = engine(channel(1000, 1000, 0, false));
        e.advanceWatermark(10_000);
        e.onReading(0, 10_100, 1);
        e.restartAt(5_000);
        assertThat(out).singleElement().extracting(Aggregate::start).isEqualTo(10_000L);
        e.onReading(0, 5_100, 2);
        e.advanceWatermark(6_000);
        assertThat(out).extracting(Aggregate::start).containsExactly(10_000L, 5_000L);
        assertThat(e.counts(0).late()).isZero();
    }
}
