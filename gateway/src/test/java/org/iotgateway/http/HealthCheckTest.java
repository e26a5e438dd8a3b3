package org.iotgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.stream.StreamMetrics;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    final FakeSource src = new FakeSource();
    final AtomicLong clock = new AtomicLong(1_000);
    final HealthCheck health = new HealthCheck(src, clock::get);

    void later(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void healthyWhileRunningAndKeepingUpEvenWithTheBrokerAway() {
        src.broker = new org.iotgateway.mqtt.PublisherStats(false, 0, 0, 0, 0);
        src.outbox = FakeSource.outbox(5000, 5000, 0, 0);
        assertThat(health.check()).isEqualTo(new HealthCheck.Verdict(true, "ok"));
    }

    @Test
    void aDeadOrStuckConsumerIsUnhealthy() {
        src.alive = false;
        assertThat(health.check()).isEqualTo(new HealthCheck.Verdict(false, "stream consumer not running"));
        src.alive = true;
        assertThat(health.check().healthy()).isTrue();
    }

    @Test
    void anOverloadedRingIsUnhealthyWithTheNumbers() {
        src.stream = new StreamMetrics(1, 90_000, 40_000, 1000, 1024, 77, true, false, 0);
        HealthCheck.Verdict v = health.check();
        assertThat(v.healthy()).isFalse();
        assertThat(v.reason()).isEqualTo("stream overloaded: ingest 90000/s, processed 40000/s, ring 1000/1024, 77 dropped");
    }

    @Test
    void anOutboxWriteFailureIsUnhealthyForThirtySecondsAfterTheLastOne() {
        assertThat(health.check().healthy()).isTrue();
        src.outbox = FakeSource.outbox(10, 10, 1, 0);
        assertThat(health.check().reason()).isEqualTo("outbox not writable: 1 write failures, 0 aggregates dropped (writer queue full)");
        later(29);
        assertThat(health.check().healthy()).as("held for 30 s").isFalse();
        src.outbox = FakeSource.outbox(10, 10, 1, 3);
        later(29);
        assertThat(health.check().healthy()).as("a queue-full drop restarts the hold").isFalse();
        later(2);
        assertThat(health.check().healthy()).isFalse();
        later(29);
        assertThat(health.check().healthy()).isTrue();
    }

    @Test
    void anUnusableStoreIsUnhealthyAndWhatWasSentFromMemoryIsNotAStallAfterwards() {
        src.outbox = FakeSource.outage(1000, 600, 50, 340, 10);
        assertThat(health.check().reason()).isEqualTo("outbox store unusable (disk full?): 50 aggregates held in memory,"
                + " 340 published without being stored, 10 lost");
        // Back: the 50 held were written (committed), the 340 sent and 10 lost never will be.
        src.outbox = new org.iotgateway.outbox.OutboxStats(1000, 650, 1, 650, 1, 0, 0, -1, 1000, 0, 0, 0, 0, 0, 0, 0,
                -1, true, 0, 340, 10, org.iotgateway.outbox.LossHistory.NONE);
        assertThat(health.check().reason()).as("its failures are held 30 s like any").startsWith("outbox not writable");
        later(31);
        assertThat(health.check().healthy()).isTrue();
        later(11);
        assertThat(health.check().healthy()).as("nothing is waiting for a commit").isTrue();
    }

    @Test
    void rowsWaitingTenSecondsWithoutACommitMeanAStalledWriter() {
        src.outbox = FakeSource.outbox(20, 10, 0, 0);
        HealthCheck health = new HealthCheck(src, clock::get);
        assertThat(health.check().healthy()).as("first sight of waiting rows").isTrue();
        later(9);
        assertThat(health.check().healthy()).isTrue();
        later(1);
        assertThat(health.check().reason()).isEqualTo("outbox writer stalled: 10 aggregates waiting at least 10 s for a commit");
        src.outbox = FakeSource.outbox(21, 11, 0, 0);
        assertThat(health.check().healthy()).as("a commit clears it").isTrue();
    }

    @Test
    void rowsCaughtBetweenRareChecksAreNotAStall() {
        src.outbox = FakeSource.outbox(10, 10, 0, 0);
        assertThat(health.check().healthy()).isTrue();
        later(60);
        src.outbox = FakeSource.outbox(11, 10, 0, 0);
        assertThat(health.check().healthy()).as("one row appended just now, no earlier sight of it waiting").isTrue();
    }
}
