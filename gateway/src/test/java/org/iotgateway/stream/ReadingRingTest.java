package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.stream.filter.Filter;
import org.junit.jupiter.api.Test;

class ReadingRingTest {

    @Test
    void aFullRingDropsTheNewestAndCountsIt() {
        ReadingRing ring = new ReadingRing(16, 1, new RejectCounter());
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            accepted += ring.offer(0, i, i) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(16);
        assertThat(ring.dropped(0)).isEqualTo(24);
        assertThat(ring.occupancy()).isEqualTo(16);
    }

    @Test
    void offeredEqualsAggregatedPlusEveryKindOfLossUnderConcurrentProducers() throws Exception {
        int channels = 4;
        List<ChannelInfo> infos = new ArrayList<>();
        List<Filter[]> filters = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            infos.add(new ChannelInfo(c, "s", "c" + c, "", 1_000, List.of(AggregateKind.COUNT)));
            filters.add(new Filter[0]);
        }
        List<Aggregate> out = Collections.synchronizedList(new ArrayList<>());
        ReadingRing ring = new ReadingRing(64, channels, new RejectCounter());
        WindowEngine engine = new WindowEngine(infos, filters, 4, out::add);
        AtomicLong clock = new AtomicLong(0);
        StreamConsumer consumer = new StreamConsumer(ring, engine, clock::get, 0);
        consumer.start();

        int producers = 4;
        int perProducer = 200_000;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int channel = p % channels;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    // Some NaN values: rejected by the engine, a loss of another kind.
                    ring.offer(channel, 5_000 + i % 1000, i % 97 == 0 ? Double.NaN : i);
                }
                done.countDown();
            });
            t.start();
        }
        done.await();
        consumer.close();

        long offered = (long) producers * perProducer;
        long dropped = 0;
        long aggregated = 0;
        long rejected = 0;
        for (int c = 0; c < channels; c++) {
            dropped += ring.dropped(c);
            ChannelCounts counts = engine.counts(c);
            rejected += counts.rejected();
            aggregated += counts.aggregated();
            assertThat(counts.late()).isZero();
        }
        long inAggregates = out.stream().mapToLong(Aggregate::count).sum();
        assertThat(inAggregates).isEqualTo(aggregated);
        assertThat(aggregated + rejected + dropped).isEqualTo(offered);
        assertThat(rejected).isPositive();
    }

    @Test
    void theWallClockTickClosesWindowsWhenReadingsStop() {
        ChannelInfo info = new ChannelInfo(0, "s", "c", "", 1_000, List.of(AggregateKind.COUNT));
        List<Aggregate> out = Collections.synchronizedList(new ArrayList<>());
        ReadingRing ring = new ReadingRing(16, 1, new RejectCounter());
        WindowEngine engine = new WindowEngine(List.of(info), List.<Filter[]>of(new Filter[0]), 2, out::add);
        AtomicLong clock = new AtomicLong(10_500);
        try (StreamConsumer consumer = new StreamConsumer(ring, engine, clock::get, 200)) {
            consumer.start();
            ring.offer(0, 10_400, 1.0);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(out::isEmpty);
            clock.set(11_200);
            await().atMost(Duration.ofSeconds(5)).until(() -> out.size() == 1);
            assertThat(out.get(0).start()).isEqualTo(10_000);
        }
    }
}
