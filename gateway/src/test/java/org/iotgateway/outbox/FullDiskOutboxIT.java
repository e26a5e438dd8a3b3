package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.SmallFileSystem;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox on a real 3 MB file system that fills up (tmpfs, or a loop-mounted ext4 image), driven
 * directly (the test plays the publisher): the store becomes unusable, new aggregates are served
 * from memory, acknowledged ones are counted as published-unstored and those that do not fit as
 * lost, and once space returns the store is reopened, the held rows are in it, seq goes on, and
 * the books balance at every step.
 */
class FullDiskOutboxIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int HELD = 300;
    private static SmallFileSystem fs;

    @BeforeAll
    static void mount() throws Exception {
        fs = SmallFileSystem.mount(Files.createTempDirectory("full-disk-outbox"), 3_000_000);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (fs != null) {
            fs.close();
        }
    }

    private static void append(Outbox o, int n) {
        for (int i = 0; i < n; i++) {
            o.append("sensors/gw-1/env-1/temperature", Aggregates.temperature(i));
        }
    }

    /** Every appended aggregate is published (stored or not), lost, or still owed. */
    private static void assertBooksBalance(OutboxStats s) {
        assertThat(s.acked() + s.publishedUnstored() + s.lostUnstored() + s.evicted() + s.rejected()
                + s.deadLettered() + s.queueFullDrops() + s.depth()).as("%s", s).isEqualTo(s.appended());
    }

    @Test
    void aFullDiskIsSurvivedCountedAndRecoveredFrom() throws Exception {
        Path base = fs.dir().resolve("state/outbox");
        OutboxConfig cfg = new OutboxConfig(base, new DataSize(64_000_000), null);
        try (Outbox o = Outbox.open(cfg, "gw-1", OutboxTuning.defaults().withHeldCapacity(HELD))) {
            append(o, 200);
            await().atMost(WAIT).until(() -> o.committedSeq() == 200);
            for (long seq = 1; seq <= 100; seq++) {
                o.acked(seq);
            }
            long rewinds = o.rewinds();

            fs.fill();
            // H2 fails on the next chunk it cannot place; appending keeps the writer writing.
            await().atMost(WAIT).until(() -> {
                append(o, 20);
                return !o.stats().storeUsable();
            });
            long firstHeld = o.stats().lastSeq() + 1;
            append(o, 100);
            await().atMost(WAIT).until(() -> o.committedSeq() >= firstHeld + 99);
            List<WireMessage> held = o.readCommitted(firstHeld, 10_000);
            assertThat(held).extracting(WireMessage::seq).startsWith(firstHeld).isSorted().doesNotHaveDuplicates();
            assertThat(o.readCommitted(0, 10_000)).as("stored rows are unreadable, held ones are")
                    .containsAll(held);
            assertThat(markers()).as("a marker covers the seqs published unstored").hasSize(1);
            for (WireMessage m : held.subList(0, 50)) {
                o.acked(m.seq());
            }
            for (WireMessage m : held.subList(0, 50)) {
                assertThat(o.settled(m.seq())).as("the publisher must not resend %d", m.seq()).isTrue();
                o.acked(m.seq()); // a resend's PUBACK all the same: not a second delivery
            }
            assertThat(o.settled(held.get(50).seq())).isFalse();
            append(o, 2 * HELD); // more than memory holds
            await().atMost(WAIT).until(() -> o.stats().lostUnstored() > 0);
            OutboxStats down = o.stats();
            assertThat(down.storeUsable()).isFalse();
            assertThat(down.publishedUnstored()).isEqualTo(50);
            assertThat(down.heldInMemory()).isEqualTo(HELD);
            assertBooksBalance(down);

            fs.free();
            await().atMost(WAIT).until(() -> o.stats().storeUsable());
            assertThat(o.rewinds()).isGreaterThan(rewinds);
            assertThat(markers()).isEmpty();
            OutboxStats up = o.stats();
            assertThat(up.heldInMemory()).isZero();
            assertBooksBalance(up);
            List<WireMessage> owed = o.readCommitted(0, 100_000);
            assertThat(owed).extracting(WireMessage::seq).isSorted().doesNotHaveDuplicates()
                    .contains(101L, 200L).doesNotContain(1L, 100L, firstHeld);
            assertThat(owed).hasSize((int) up.depth());
            // After the store came back, seq goes on from the last one handed out.
            long next = o.append("t", Aggregates.temperature(0)).seq();
            assertThat(next).isEqualTo(up.lastSeq() + 1);
            for (WireMessage m : owed) {
                o.acked(m.seq());
            }
            o.acked(next);
            await().atMost(WAIT).until(() -> o.stats().depth() == 0 && o.stats().storedRows() == 0);
            assertBooksBalance(o.stats());
        }
        try (Outbox o = Outbox.open(cfg, "gw-1")) {
            assertThat(o.stats().initialRows()).isZero();
        }
    }

    private static List<Path> markers() throws Exception {
        try (Stream<Path> files = Files.list(fs.dir().resolve("state"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("outbox.unstored-")).toList();
        }
    }
}
