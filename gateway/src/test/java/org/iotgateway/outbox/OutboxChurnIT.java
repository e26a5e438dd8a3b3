package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee 4 under churn, on a real H2 file: 20 outage/drain cycles, each spilling about three
 * times what the store keeps (so drop-oldest evicts) and then acknowledging everything. H2 keeps
 * old chunks for 45 s, so without compaction the file grows with what 45 s of writes take (tens
 * of MB here); it must end every cycle within max-bytes. A sampler also records the largest size
 * seen in between (printed; it can miss a short peak, so it proves nothing alone). An IT because
 * it takes a minute on a loaded machine.
 */
class OutboxChurnIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long MAX_BYTES = 1_000_000;
    private static final int CYCLES = 20;
    private static final int PER_OUTAGE = 5_000;

    @TempDir
    Path dir;

    @Test
    void theFileStaysWithinMaxBytesAfterEveryOneOfTwentyOutageDrainCycles() throws Exception {
        OutboxConfig cfg = new OutboxConfig(dir.resolve("outbox"), new DataSize(MAX_BYTES), null);
        Path file = dir.resolve("outbox.mv.db");
        List<Long> sizes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(Files.size(file), Math::max);
                    Thread.sleep(5);
                } catch (Exception e) {
                    return;
                }
            }
        });
        try (Outbox o = Outbox.open(cfg, "gw-1")) {
            sampler.start();
            long seq = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                for (int i = 0; i < PER_OUTAGE; i++) {
                    o.append("sensors/gw-1/env-1/temperature", Aggregates.temperature(i));
                }
                seq += PER_OUTAGE;
                long last = seq;
                await().atMost(WAIT).until(() -> o.committedSeq() == last && o.stats().depth() == o.stats().storedRows());
                for (WireMessage m : o.readCommitted(0, Integer.MAX_VALUE)) {
                    o.acked(m.seq());
                }
                await().atMost(WAIT).until(() -> o.stats().depth() == 0 && o.stats().storedRows() == 0);
                // The writer compacts after the commit that overfilled the file; it may still be at it. (H2 alone
                // would take its 45 s retention time, at the least.)
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(file) <= MAX_BYTES);
                sizes.add(Files.size(file));
            }
            sampler.interrupt();
            System.out.println("churn: peak file size " + peak.get() + ", after each cycle " + sizes);
            OutboxStats s = o.stats();
            assertThat(s.evictedForSize()).as("each outage overfilled the store").isGreaterThan(CYCLES * 1_000L);
            assertThat(s.acked() + s.evicted()).isEqualTo((long) CYCLES * PER_OUTAGE);
        }
        assertThat(sizes).hasSize(CYCLES).allMatch(size -> size <= MAX_BYTES);
        assertThat(Files.size(file)).isLessThanOrEqualTo(MAX_BYTES);
    }
}
