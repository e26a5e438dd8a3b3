package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.junit.jupiter.api.Test;

class RoutedSinkTest {
    @Test
    void afterARerouteReturnsNothingMoreArrivesInThePreviousRingAndNothingIsLost() throws Exception {
        ReadingRing first = new ReadingRing(1 << 16, 1, new RejectCounter());
        ReadingRing second = new ReadingRing(1 << 16, 4, new RejectCounter());
        RoutedSink sink = new RoutedSink();
        sink.routeTo(first, new int[] {0});
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong offered = new AtomicLong();
        Thread driver = new Thread(() -> {
            for (long i = 0; !stop.get(); i++) {
                sink.offer(0, i, i);
                offered.incrementAndGet();
            }
        });
        driver.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> offered.get() > 1000);
        sink.routeTo(second, new int[] {3});
        long inFirst = first.published() + first.droppedTotal();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.published() + second.droppedTotal() > 1000);
        stop.set(true);
        driver.join();

        assertThat(first.published() + first.droppedTotal()).as("nothing reached the old ring after routeTo returned")
                .isEqualTo(inFirst);
        assertThat(inFirst + second.published() + second.droppedTotal()).as("every offer is in one ring or the other")
                .isEqualTo(offered.get());
    }

    @Test
    void theDriversChannelNumbersAreMappedToTheRingsIds() {
        ReadingRing ring = new ReadingRing(16, 4, new RejectCounter());
        RoutedSink sink = new RoutedSink();
        sink.routeTo(ring, new int[] {3, 1});
        for (int i = 0; i < 20; i++) {
            sink.offer(0, i, i);
        }
        sink.offer(1, 0, 0);
        assertThat(ring.dropped(3)).as("16 slots, nobody consuming: the rest dropped on ring channel 3").isEqualTo(4);
        assertThat(ring.dropped(1)).isEqualTo(1);
        assertThat(ring.dropped(0)).isZero();
    }
}
