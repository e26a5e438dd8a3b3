package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.FullPolicy;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.config.SyncMode;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DataSize ONE_MB = new DataSize(1_000_000);

    @TempDir
    Path dir;

    private Outbox open(FullPolicy policy, Duration maxAge) {
        return Outbox.open(new OutboxConfig(dir.resolve("outbox"), ONE_MB, maxAge, policy, SyncMode.OS, null), "gw-1");
    }

    private static void append(Outbox o, int n) {
        for (int i = 0; i < n; i++) {
            o.append("sensors/gw-1/env-1/temperature", Aggregates.temperature(i));
        }
    }

    @Test
    void dropOldestEvictsTheOldestKeepsTheNewestAndCountsEveryRow() throws Exception {
        List<WireMessage> left;
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            append(o, 10_000);
            // Eviction follows the commit that overfilled the store: wait until the books are still.
            await().atMost(WAIT).until(() -> o.committedSeq() == 10_000 && o.stats().depth() == o.stats().storedRows()
                    && o.readCommitted(0, 100_000).size() == o.stats().storedRows());
            OutboxStats s = o.stats();
            assertThat(s.evictedForSize()).isPositive();
            assertThat(s.evictedForSize() + s.storedRows()).isEqualTo(10_000);
            left = o.readCommitted(0, 100_000);
            assertThat(left).hasSize((int) s.storedRows());
            assertThat(left.get(left.size() - 1).seq()).isEqualTo(10_000);
            assertThat(left.get(0).seq()).isEqualTo(s.evictedForSize() + 1);
        }
        assertThat(Files.size(dir.resolve("outbox.mv.db"))).isLessThanOrEqualTo(ONE_MB.bytes());
    }

    @Test
    void rejectNewKeepsTheBacklogsStartAndCountsTheRejected() throws Exception {
        try (Outbox o = open(FullPolicy.REJECT_NEW, null)) {
            append(o, 10_000);
            await().atMost(WAIT).until(() -> o.committedSeq() == 10_000 && o.stats().depth() == o.stats().storedRows());
            OutboxStats s = o.stats();
            assertThat(s.rejected()).isPositive();
            assertThat(s.evicted()).isZero();
            assertThat(s.rejected() + s.storedRows()).isEqualTo(10_000);
            List<WireMessage> left = o.readCommitted(0, 100_000);
            assertThat(left.get(0).seq()).isEqualTo(1);
            assertThat(left.get(left.size() - 1).seq()).isEqualTo(s.storedRows());
        }
        // The rejected seqs are not handed out again after a restart: they stay a visible, counted gap.
        try (Outbox o = open(FullPolicy.REJECT_NEW, null)) {
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isEqualTo(10_001);
        }
    }

    @Test
    void rowsOlderThanMaxAgeAreEvictedAndCounted() {
        try (Outbox o = open(FullPolicy.DROP_OLDEST, Duration.ofMillis(300))) {
            append(o, 25);
            await().atMost(WAIT).until(() -> o.stats().evictedForAge() == 25);
            assertThat(o.stats().storedRows()).isZero();
            assertThat(o.stats().depth()).isZero();
        }
    }

    @Test
    void ageSurvivesARestartOnTheOutboxClockNotTheWallClock() throws Exception {
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            append(o, 3);
            await().atMost(WAIT).until(() -> o.committedSeq() == 3);
            Thread.sleep(300);
        }
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            // The clock resumed where it stopped: the rows are ~300 ms old, however the wall clock moved.
            long age = o.stats().oldestAgeMillis();
            assertThat(age).isBetween(250L, 60_000L);
        }
    }

    @Test
    void aDeadLetteredRowLeavesTheQueueAndIsCountedOnce() throws Exception {
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            append(o, 3);
            assertThat(o.awaitCommitted(3, WAIT)).isTrue();
            o.deadLetter(2);
            o.deadLetter(2);
            assertThat(o.readCommitted(0, 10)).extracting(WireMessage::seq).containsExactly(1L, 3L);
            await().atMost(WAIT).until(() -> o.stats().storedRows() == 2);
            assertThat(o.stats().deadLettered()).isEqualTo(1);
        }
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            assertThat(o.readCommitted(0, 10)).extracting(WireMessage::seq).containsExactly(1L, 3L);
        }
    }

    @Test
    void everyOpenIsANewBootAndEveryPayloadSaysWhichOne() {
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            assertThat(o.boot()).isEqualTo(1);
        }
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            assertThat(o.boot()).isEqualTo(2);
            assertThat(o.append("t", Aggregates.temperature(1)).payload()).startsWith("{\"seq\":1,\"gateway\":\"gw-1\",\"boot\":2,");
        }
    }
}
