package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The block overflow policy, and the metrics/overload flag any thread can read. */
class BlockingRingTest {

    @Test
    void aBlockedProducerGivesUpAfterTheBoundedWaitAndTheReadingIsCountedAsDropped() {
        ReadingRing ring = new ReadingRing(16, 1, new RejectCounter(), TimeUnit.MILLISECONDS.toNanos(20));
        for (int i = 0; i < 16; i++) {
            assertThat(ring.offer(0, i, i)).isTrue();
        }
        assertThat(ring.offer(0, 16, 16)).isFalse();
        assertThat(ring.dropped(0)).isEqualTo(1);
        assertThat(ring.published()).isEqualTo(16);
    }

    @Test
    void withAConsumerDrainingBlockedProducersLoseNothing() throws Exception {
        ChannelInfo info = new ChannelInfo(0, "s", "c", "", 1_000, List.of(AggregateKind.COUNT));
        List<Aggregate> out = Collections.synchronizedList(new ArrayList<>());
        ReadingRing ring = new ReadingRing(16, 1, new RejectCounter(), TimeUnit.SECONDS.toNanos(5));
        WindowEngine engine = new WindowEngine(List.of(info), List.<Filter[]>of(new Filter[0]), 2, out::add);
        StreamConsumer consumer = new StreamConsumer(ring, engine, () -> 0L, 0);
        consumer.start();
        int producers = 4;
        int each = 50_000;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    ring.offer(0, 5_000, 1);
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        consumer.close();
        assertThat(ring.dropped(0)).isZero();
        assertThat(engine.counts(0).accepted()).isEqualTo((long) producers * each);
        assertThat(out.stream().mapToLong(Aggregate::count).sum()).isEqualTo((long) producers * each);
    }

    @Test
    void aFullRingRaisesTheOverloadFlagWithRatesAndOccupancy() {
        ReadingRing ring = new ReadingRing(16, 1, new RejectCounter());
        long wall = 0;
        ClockWatch clock = new ClockWatch(() -> 0L, () -> 0L, Path.of("/nonexistent/synchronized"));
        BackpressureMonitor m = new BackpressureMonitor(ring, LoggerFactory.getLogger(BlockingRingTest.class), 0);
        for (int i = 0; i < 20; i++) {
            ring.offer(0, i, i);
        }
        assertThat(m.onTick(BackpressureMonitor.INTERVAL_NANOS / 2, wall, clock)).as("not yet a second").isNull();
        StreamMetrics s = m.onTick(BackpressureMonitor.INTERVAL_NANOS, wall, clock);
        assertThat(s.overloaded()).isTrue();
        assertThat(s.occupancy()).isEqualTo(16);
        assertThat(s.dropped()).isEqualTo(4);
        assertThat(s.ingestPerSecond()).isEqualTo(20.0);
        assertThat(s.processedPerSecond()).isZero();
        // drained, no new drops: the flag clears
        ring.poller().getSequence().set(ring.published() - 1);
        StreamMetrics later = m.onTick(2 * BackpressureMonitor.INTERVAL_NANOS, wall, clock);
        assertThat(later.overloaded()).isFalse();
        assertThat(later.processedPerSecond()).isEqualTo(16.0);
    }
}
