package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.FullPolicy;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.config.SyncMode;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss ledger: every seq the outbox let go is in a recorded loss, written with the delete, kept across opens. */
class LossLedgerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Outbox open(FullPolicy policy, Duration maxAge) {
        return Outbox.open(new OutboxConfig(dir.resolve("outbox"), new DataSize(1_000_000), maxAge, policy,
                SyncMode.OS, null), "gw-1");
    }

    private static void append(Outbox o, int n) {
        for (int i = 0; i < n; i++) {
            o.append("sensors/gw-1/env-1/temperature", Aggregates.temperature(i));
        }
    }

    /** Seqs 1..last that are neither stored nor in a recorded loss. */
    private static List<Long> unaccounted(Outbox o, long last) throws Exception {
        Set<Long> stored = o.readCommitted(0, Integer.MAX_VALUE).stream().map(WireMessage::seq).collect(Collectors.toSet());
        List<Loss> losses = o.recordedLosses(Integer.MAX_VALUE);
        return LongStream.rangeClosed(1, last).filter(s -> !stored.contains(s) && losses.stream().noneMatch(l -> l.covers(s)))
                .boxed().toList();
    }

    @Test
    void evictionsAreRecordedWithTheirRangesAndTheirTotalsSurviveReopen() throws Exception {
        long evicted;
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            append(o, 10_000);
            await().atMost(WAIT).until(() -> o.committedSeq() == 10_000 && o.stats().depth() == o.stats().storedRows());
            evicted = o.stats().evictedForSize();
            assertThat(evicted).isPositive();
            List<Loss> losses = o.recordedLosses(100);
            assertThat(losses).allSatisfy(l -> {
                assertThat(l.reason()).isEqualTo(LossReason.EVICTED_SIZE);
                assertThat(l.boot()).isEqualTo(1);
            });
            // Nothing was acknowledged: every evicted seq is lost, exactly once, in consecutive ranges from 1.
            assertThat(losses.stream().mapToLong(Loss::count).sum()).isEqualTo(evicted);
            assertThat(losses.get(0).firstSeq()).isEqualTo(1);
            for (int i = 1; i < losses.size(); i++) {
                assertThat(losses.get(i).firstSeq()).isEqualTo(losses.get(i - 1).lastSeq() + 1);
            }
            assertThat(unaccounted(o, 10_000)).isEmpty();
            assertThat(o.stats().losses().total(LossReason.EVICTED_SIZE)).isEqualTo(evicted);
            assertThat(o.stats().losses().recent()).hasSizeLessThanOrEqualTo(LossHistory.RECENT)
                    .last().isEqualTo(losses.get(losses.size() - 1));
        }
        try (Outbox o = open(FullPolicy.DROP_OLDEST, null)) {
            // A new boot starts its per-boot counters at 0; the ledger's totals are the file's.
            assertThat(o.stats().evictedForSize()).isZero();
            assertThat(o.stats().losses().total(LossReason.EVICTED_SIZE)).isEqualTo(evicted);
            assertThat(unaccounted(o, 10_000)).isEmpty();
        }
    }

    @Test
    void acknowledgedRowsAreNotCountedAsLost() throws Exception {
        try (Outbox o = open(FullPolicy.DROP_OLDEST, Duration.ofMillis(400))) {
            append(o, 20);
            assertThat(o.awaitCommitted(20, WAIT)).isTrue();
            o.acked(3);
            o.acked(4);
            await().atMost(WAIT).until(() -> o.stats().storedRows() == 0);
            List<Loss> losses = o.recordedLosses(100);
            assertThat(losses.stream().mapToLong(Loss::count).sum()).isEqualTo(18);
            assertThat(losses).allSatisfy(l -> assertThat(l.reason()).isEqualTo(LossReason.EVICTED_AGE));
            // The range still spans the delivered seqs 3 and 4: a subscriber has them; the count does not.
            assertThat(unaccounted(o, 20)).isEmpty();
        }
    }

    @Test
    void rejectionsAreRecordedWithTheRejectedSeqs() throws Exception {
        try (Outbox o = open(FullPolicy.REJECT_NEW, null)) {
            append(o, 10_000);
            await().atMost(WAIT).until(() -> o.committedSeq() == 10_000 && o.stats().depth() == o.stats().storedRows());
            List<Loss> losses = o.recordedLosses(100);
            assertThat(losses).isNotEmpty().allSatisfy(l -> assertThat(l.reason()).isEqualTo(LossReason.REJECTED));
            assertThat(losses.stream().mapToLong(Loss::count).sum()).isEqualTo(o.stats().rejected());
            assertThat(losses.get(losses.size() - 1).lastSeq()).isEqualTo(10_000);
            assertThat(unaccounted(o, 10_000)).isEmpty();
        }
    }

    @Test
    void aggregatesDroppedForAFullWriterQueueAreRecordedAndTheirSeqsNeverReused() throws Exception {
        OutboxTuning tiny = new OutboxTuning(4, 2_000, Duration.ofMillis(100), Duration.ofMillis(200), 16);
        OutboxConfig cfg = new OutboxConfig(dir.resolve("outbox"), null, null, FullPolicy.DROP_OLDEST, SyncMode.OS, null);
        long dropped;
        try (Outbox o = Outbox.open(cfg, "gw-1", tiny)) {
            append(o, 2_000); // far faster than a writer that lingers 100 ms per batch
            await().atMost(WAIT).until(() -> o.stats().depth() == o.stats().storedRows());
            // Drops are recorded with the next batch that has a row: the one that makes their gap permanent.
            append(o, 1);
            await().atMost(WAIT).until(() -> o.committedSeq() == 2_001);
            dropped = o.stats().queueFullDrops();
            assertThat(dropped).isPositive();
            List<Loss> losses = o.recordedLosses(Integer.MAX_VALUE);
            assertThat(losses).allSatisfy(l -> assertThat(l.reason()).isEqualTo(LossReason.DROPPED_QUEUE_FULL));
            assertThat(losses.stream().mapToLong(Loss::count).sum()).isEqualTo(dropped);
            assertThat(unaccounted(o, 2_001)).isEmpty();
        }
        try (Outbox o = Outbox.open(cfg, "gw-1", tiny)) {
            assertThat(o.stats().losses().total(LossReason.DROPPED_QUEUE_FULL)).isEqualTo(dropped);
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isEqualTo(2_002);
        }
    }

    @Test
    void theLedgerKeepsItsNewestRowsAndEveryTotal() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ledger")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE outbox_meta (name VARCHAR(64) PRIMARY KEY, val BIGINT NOT NULL)");
                LossLedger.createSchema(st);
            }
            int n = LossLedger.KEEP + 250;
            for (int i = 0; i < n; i++) {
                LossLedger.record(c, new Loss(10L * i + 1, 10L * i + 10, LossReason.EVICTED_AGE, 10, 1));
            }
            List<Loss> kept = LossLedger.newest(c, Integer.MAX_VALUE);
            assertThat(kept).hasSize(LossLedger.KEEP);
            assertThat(kept.get(kept.size() - 1).lastSeq()).isEqualTo(10L * n);
            assertThat(kept.get(0).firstSeq()).isEqualTo(10L * (n - LossLedger.KEEP) + 1);
            assertThat(LossLedger.totals(c).get(LossReason.EVICTED_AGE)).isEqualTo(10L * n);
            assertThat(LossLedger.totals(c).get(LossReason.REJECTED)).isZero();
        }
    }
}
