package org.iotgateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.testing.ThreadSwitches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer thread on an idle ring: it sleeps (counted in its own voluntary context switches,
 * from /proc), a reading wakes it, a due window wakes it, and no reading is ever left waiting for
 * the sleep's timeout (the producer/consumer handshake).
 */
class SleepingConsumerTest {
    private StreamConsumer consumer;

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    private static ChannelInfo channel(int id, long windowMillis) {
        return new ChannelInfo(id, "s", "c" + id, "", windowMillis, List.of(AggregateKind.COUNT));
    }

    private StreamConsumer start(ReadingRing ring, List<ChannelInfo> channels, AggregateListener out) {
        List<Filter[]> filters = channels.stream().map(c -> new Filter[0]).toList();
        WindowEngine engine = new WindowEngine(channels, filters, 2, out);
        consumer = new StreamConsumer(ring, engine, System::currentTimeMillis, 500);
        consumer.start();
        return consumer;
    }

    @Test
    void anIdleConsumerSleepsInsteadOfPolling() {
        ReadingRing ring = new ReadingRing(1024, 1, new RejectCounter());
        start(ring, List.of(channel(0, 3_600_000)), a -> { });
        ring.offer(0, System.currentTimeMillis(), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.counts(0).accepted() == 1);
        long woke = ThreadSwitches.during("stream-consumer", ThreadSwitches.sleeping(2_000));
        // The old consumer parked at most 2 ms: ~1,000 switches in 2 s. Asleep until the hour's
        // window is due, this one wakes for its first metrics snapshot and at most every 10 s.
        assertThat(woke).as("wake-ups of the idle consumer in 2 s").isLessThanOrEqualTo(4);
        assertThat(consumer.alive()).as("asleep is not stuck").isTrue();
    }

    @Test
    void aReadingWakesTheConsumerLongBeforeItsSleepWouldEnd() {
        ReadingRing ring = new ReadingRing(1024, 1, new RejectCounter());
        List<Aggregate> out = Collections.synchronizedList(new ArrayList<>());
        start(ring, List.of(channel(0, 0)), out::add);
        // After the first snapshot nothing is due (no windows): the sleep lasts the full 10 s.
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.metrics() != StreamMetrics.NONE);
        awaitAsleep();
        ring.offer(0, System.currentTimeMillis(), 7);
        await().atMost(Duration.ofSeconds(2)).until(() -> out.size() == 1);
        assertThat(out.get(0).last()).isEqualTo(7.0);
    }

    @Test
    void aDueWindowWakesTheConsumerWithoutAnotherReading() {
        ReadingRing ring = new ReadingRing(1024, 1, new RejectCounter());
        List<Aggregate> out = Collections.synchronizedList(new ArrayList<>());
        start(ring, List.of(channel(0, 1_000)), out::add);
        ring.offer(0, System.currentTimeMillis(), 1);
        // Due at the end of the second plus the 500 ms watermark delay: within 1.5 s, well before
        // the 10 s a sleep may last.
        await().atMost(Duration.ofNanos(StreamConsumer.MAX_SLEEP_NANOS / 2)).until(() -> out.size() == 1);
        assertThat(out.get(0).count()).isEqualTo(1);
    }

    @Test
    void whileAsleepTheMetricsFallToZeroRatesInsteadOfKeepingTheLastOnes() throws Exception {
        ReadingRing ring = new ReadingRing(1024, 1, new RejectCounter());
        start(ring, List.of(channel(0, 3_600_000)), a -> { });
        for (int i = 0; i < 100; i++) {
            ring.offer(0, System.currentTimeMillis(), i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.metrics() != StreamMetrics.NONE);
        awaitAsleep();
        Thread.sleep(2_500);
        StreamMetrics m = consumer.metrics();
        assertThat(m.ingestPerSecond()).as("nothing offered for 2 s").isLessThan(1.0);
        assertThat(m.processedPerSecond()).isLessThan(1.0);
        assertThat(m.occupancy()).isZero();
        assertThat(consumer.counts(0).accepted()).isEqualTo(100);
    }

    /**
     * One reading at a time, each waited for, with pauses from none to a millisecond so the offer
     * lands at every point of the consumer's spin-then-sleep: a lost wake-up would leave a reading
     * in the ring for the 10 s sleep and fail the round's 5 s bound.
     */
    @Test
    void noReadingWaitsForTheSleepTimeout() throws Exception {
        ReadingRing ring = new ReadingRing(1024, 1, new RejectCounter());
        LinkedBlockingQueue<Aggregate> out = new LinkedBlockingQueue<>();
        start(ring, List.of(channel(0, 0)), out::add);
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 3_000; round++) {
            int pause = random.nextInt(4);
            if (pause == 1) {
                for (int spin = random.nextInt(500); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
            } else if (pause >= 2) {
                LockSupport.parkNanos(random.nextLong(1_000_000));
            }
            ring.offer(0, System.currentTimeMillis(), round);
            assertThat(out.poll(5, TimeUnit.SECONDS)).as("round %d's reading taken", round).isNotNull();
        }
    }

    /** The consumer parks only to sleep on an empty ring. */
    private void awaitAsleep() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(this::isParked);
    }

    private boolean isParked() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("stream-consumer")) {
                return t.getState() == Thread.State.TIMED_WAITING;
            }
        }
        return false;
    }
}
