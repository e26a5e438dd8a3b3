package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.FullPolicy;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.config.SyncMode;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.WireMessage;

/**
 * Nothing lost without a count: whatever mix of appends, acknowledgements (also late ones, of rows
 * evicted meanwhile), dead-letters and limits, every appended aggregate ends up published, evicted,
 * rejected, dead-lettered, dropped, or still in the file, which is counted by reopening it.
 */
class OutboxBooksPropertiesTest {

    @Property(tries = 12)
    void offeredIsPublishedPlusEachKindOfLossPlusWhatIsStillStored(
            @ForAll("policies") FullPolicy policy, @ForAll @IntRange(min = 1, max = 8) int rounds,
            @ForAll @IntRange(min = 300, max = 3000) int perRound, @ForAll @IntRange(min = 0, max = 60) int ackPercent,
            @ForAll boolean deadLetterSome) throws Exception {
        Path dir = Files.createTempDirectory("outbox-books");
        OutboxConfig cfg = new OutboxConfig(dir.resolve("outbox"), new DataSize(1_000_000), Duration.ofDays(1), policy,
                SyncMode.OS, null);
        OutboxStats end;
        long appended = 0;
        try (Outbox o = Outbox.open(cfg, "gw-1")) {
            java.util.Random rnd = new java.util.Random(rounds * 31L + perRound);
            List<WireMessage> seen = List.of();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < perRound; i++) {
                    o.append("t", Aggregates.temperature(i));
                    appended++;
                }
                o.awaitCommitted(appended, Duration.ofSeconds(10));
                // Acknowledge some rows read in an EARLIER round too: they may have been evicted since.
                for (WireMessage m : seen) {
                    if (rnd.nextInt(100) < ackPercent) {
                        o.acked(m.seq());
                    } else if (deadLetterSome && rnd.nextInt(100) < 3) {
                        o.deadLetter(m.seq());
                    }
                }
                seen = o.readCommitted(0, 5_000);
            }
            o.close();
            end = o.stats();
        }
        long stored;
        LossHistory ledger;
        try (Outbox o = Outbox.open(cfg, "gw-1")) {
            stored = o.stats().initialRows();
            ledger = o.stats().losses();
        }
        // The file's ledger, read back by the next open, agrees with the run's counters reason by reason.
        assertThat(ledger.total(LossReason.EVICTED_SIZE)).isEqualTo(end.evictedForSize());
        assertThat(ledger.total(LossReason.EVICTED_AGE)).isEqualTo(end.evictedForAge());
        assertThat(ledger.total(LossReason.REJECTED)).isEqualTo(end.rejected());
        assertThat(end.appended()).isEqualTo(appended);
        assertThat(end.storedRows()).isEqualTo(stored);
        assertThat(end.acked() + end.publishedUnstored() + end.evicted() + end.rejected() + end.deadLettered()
                + end.queueFullDrops() + end.lostUnstored() + stored).as("%s", end).isEqualTo(appended);
    }

    @Provide
    Arbitrary<FullPolicy> policies() {
        return Arbitraries.of(FullPolicy.class);
    }
}
