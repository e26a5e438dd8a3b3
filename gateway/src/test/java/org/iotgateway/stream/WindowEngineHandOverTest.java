package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.stream.filter.DeadbandFilter;
import org.iotgateway.stream.filter.DeadbandParams;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;

/**
 * A reload hands the engine state of unchanged channels to the next engine ({@link WindowEngine#adopt}):
 * their open windows keep their readings, the old engine's flush emits only removed or changed channels.
 */
class WindowEngineHandOverTest {
    static final List<AggregateKind> AGGS = List.of(AggregateKind.COUNT, AggregateKind.SUM);
    final List<Aggregate> before = new ArrayList<>();
    final List<Aggregate> after = new ArrayList<>();

    static ChannelInfo channel(int id, String name, long window) {
        return new ChannelInfo(id, "s", name, "u", window, AGGS);
    }

    /** Old: a (id 0), b (id 1). New: c (id 0, added), a (id 1, kept), b with a 2 s window (id 2, changed). */
    WindowEngine[] reload(Filter[] aFiltersOld) {
        WindowEngine old = new WindowEngine(List.of(channel(0, "a", 1000), channel(1, "b", 1000)),
                List.of(aFiltersOld, new Filter[0]), 2, before::add);
        WindowEngine next = new WindowEngine(List.of(channel(0, "c", 1000), channel(1, "a", 1000), channel(2, "b", 2000)),
                List.of(new Filter[0], new Filter[0], new Filter[0]), 2, after::add);
        return new WindowEngine[] {old, next};
    }

    @Test
    void aKeptChannelsOpenWindowHoldsTheReadingsFromBeforeAndAfterTheReload() {
        WindowEngine[] e = reload(new Filter[0]);
        WindowEngine old = e[0];
        WindowEngine next = e[1];
        old.onReading(0, 100, 1);
        old.onReading(0, 200, 2);
        old.onReading(0, 300, 3);
        old.onReading(1, 150, 10);
        old.onReading(1, 250, 20);
        old.advanceWatermark(500);

        next.adopt(old, new int[] {1, -1});
        old.flush();
        assertThat(before).as("only the changed channel's window is emitted at the reload")
                .extracting(a -> a.channel().channel() + "/" + a.channel().id() + " n=" + a.count() + " sum=" + a.sum())
                .containsExactly("b/1 n=2 sum=30.0");

        next.onReading(1, 600, 4);
        next.onReading(1, 900, 5);
        next.advanceWatermark(999);
        assertThat(after).isEmpty();
        next.advanceWatermark(1000);
        assertThat(after).hasSize(1);
        Aggregate a = after.get(0);
        assertThat(a.channel()).as("re-id'd: the new id picks the topic").isEqualTo(channel(1, "a", 1000));
        assertThat(a.start()).isZero();
        assertThat(a.end()).isEqualTo(1000);
        assertThat(a.count()).isEqualTo(5);
        assertThat(a.sum()).isEqualTo(15.0);

        assertThat(next.counts(1)).as("counters carry on").isEqualTo(new ChannelCounts(5, 0, 0, 0));
        assertThat(old.counts(1)).as("the removed channel's final counts stay with the old engine")
                .isEqualTo(new ChannelCounts(2, 0, 0, 0));
        assertThat(old.counts(0)).as("moved, not copied: nothing is counted twice").isEqualTo(new ChannelCounts(0, 0, 0, 0));
        long offered = 5 + 2;
        assertThat(next.counts(1).accepted() + old.counts(1).accepted() + old.counts(0).accepted()).isEqualTo(offered);
    }

    @Test
    void theWatermarkCarriesOverSoAReadingForAWindowClosedBeforeTheReloadIsLate() {
        WindowEngine[] e = reload(new Filter[0]);
        e[0].onReading(0, 100, 1);
        e[0].advanceWatermark(1_000);
        assertThat(before).hasSize(1);

        e[1].adopt(e[0], new int[] {1, -1});
        assertThat(e[1].watermark()).isEqualTo(1_000);
        e[1].onReading(1, 900, 2);
        e[1].flush();
        assertThat(after).isEmpty();
        assertThat(e[1].counts(1)).isEqualTo(new ChannelCounts(2, 0, 0, 1));
    }

    @Test
    void filterStateMovesWithTheChannel() {
        WindowEngine[] e = reload(new Filter[] {new DeadbandFilter(new DeadbandParams(0.5, null))});
        e[0].onReading(0, 100, 1.0);
        e[1].adopt(e[0], new int[] {1, -1});
        e[1].onReading(1, 200, 1.2);
        e[1].onReading(1, 300, 2.0);
        e[1].flush();
        assertThat(e[1].counts(1)).as("1.2 is within the deadband of the 1.0 seen before the reload")
                .isEqualTo(new ChannelCounts(3, 0, 1, 0));
        assertThat(after).extracting(Aggregate::count).containsExactly(2L);
    }

    @Test
    void adoptedSlidingWindowsCloseOnTheNewEnginesWatermark() {
        ChannelInfo sliding = new ChannelInfo(0, "s", "a", "u", 2000, AGGS, 1000, 0, false);
        WindowEngine old = new WindowEngine(List.of(sliding), List.<Filter[]>of(new Filter[0]), 2, before::add);
        ChannelInfo moved = new ChannelInfo(1, "s", "a", "u", 2000, AGGS, 1000, 0, false);
        WindowEngine next = new WindowEngine(List.of(channel(0, "c", 1000), moved),
                List.of(new Filter[0], new Filter[0]), 2, after::add);
        old.onReading(0, 500, 1);
        old.onReading(0, 1500, 1);
        old.advanceWatermark(1600);
        assertThat(before).extracting(Aggregate::end, Aggregate::count).containsExactly(org.assertj.core.groups.Tuple.tuple(1000L, 1L));

        next.adopt(old, new int[] {1});
        old.flush();
        assertThat(before).hasSize(1);
        next.advanceWatermark(2000);
        next.advanceWatermark(3000);
        assertThat(after).extracting(a -> a.start() + ".." + a.end() + " n=" + a.count())
                .containsExactly("0..2000 n=2", "1000..3000 n=1");
    }

    @Test
    void aChannelConfiguredDifferentlyCannotBeAdopted() {
        WindowEngine[] e = reload(new Filter[0]);
        assertThatThrownBy(() -> e[1].adopt(e[0], new int[] {-1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the same channel");
        assertThatThrownBy(() -> e[1].adopt(e[0], new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
