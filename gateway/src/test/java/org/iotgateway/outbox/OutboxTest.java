package org.iotgateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Outbox open() {
        return Outbox.open(new OutboxConfig(dir.resolve("data/outbox"), null, null), "gw-1");
    }

    private static List<WireMessage> appendN(Outbox o, int n) {
        List<WireMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(o.append("sensors/gw-1/env-1/temperature", Aggregates.temperature(i)));
        }
        return out;
    }

    private static List<WireMessage> readAll(Outbox o) throws Exception {
        return o.readCommitted(0, 100_000);
    }

    @Test
    void appendAssignsConsecutiveSeqsAndRendersThePayload() throws Exception {
        try (Outbox o = open()) {
            List<WireMessage> sent = appendN(o, 3);
            assertThat(sent).extracting(WireMessage::seq).containsExactly(1L, 2L, 3L);
            assertThat(sent.get(1).payload())
                    .isEqualTo(AggregatePayload.render(2, "gw-1", 1, Aggregates.temperature(1)));
            assertThat(o.awaitCommitted(3, WAIT)).isTrue();
            assertThat(readAll(o)).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void seqSurvivesReopenEvenWhenEveryRowWasAckedAndDeleted() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 5);
            assertThat(o.awaitCommitted(5, WAIT)).isTrue();
            for (long seq = 1; seq <= 5; seq++) {
                o.acked(seq);
            }
            // oldestPendingSeq comes from the table: -1 means the rows are really deleted.
            await().atMost(WAIT).until(() -> o.stats().oldestPendingSeq() == -1);
            assertThat(o.stats().depth()).isZero();
        }
        try (Outbox o = open()) {
            assertThat(o.stats().depth()).isZero();
            assertThat(o.append("t", Aggregates.temperature(9)).seq()).isEqualTo(6);
        }
    }

    @Test
    void unackedRowsSurviveReopenAndAreReadInSeqOrder() throws Exception {
        List<WireMessage> sent;
        try (Outbox o = open()) {
            sent = appendN(o, 50);
            o.acked(2);
        }
        try (Outbox o = open()) {
            List<WireMessage> expected = new ArrayList<>(sent);
            expected.remove(1);
            assertThat(o.stats().depth()).isEqualTo(49);
            assertThat(o.stats().oldestPendingSeq()).isEqualTo(1);
            assertThat(readAll(o)).containsExactlyElementsOf(expected);
            assertThat(o.readCommitted(40, 3)).extracting(WireMessage::seq).containsExactly(40L, 41L, 42L);
        }
    }

    @Test
    void groupCommitsManyRowsPerTransaction() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 5000);
            assertThat(o.awaitCommitted(5000, WAIT)).isTrue();
            OutboxStats s = o.stats();
            assertThat(s.committed()).isEqualTo(5000);
            assertThat(s.batches()).isLessThan(500);
            assertThat(s.depth()).isEqualTo(5000);
        }
    }

    @Test
    void ackedRowsAreNotReadAgainEvenBeforeTheirDelete() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 4);
            assertThat(o.awaitCommitted(4, WAIT)).isTrue();
            o.acked(1);
            o.acked(3);
            o.acked(3);
            assertThat(readAll(o)).extracting(WireMessage::seq).containsExactly(2L, 4L);
            assertThat(o.stats().acked()).isEqualTo(2);
        }
    }

    @Test
    void aSecondAckAfterTheDeleteIsADuplicateNotASecondDelivery() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 4);
            assertThat(o.awaitCommitted(4, WAIT)).isTrue();
            // Seq 1 is still owed (held by a refusal, say) while 2 and 3 are acknowledged and deleted.
            o.acked(2);
            o.acked(3);
            await().atMost(WAIT).until(() -> o.stats().storedRows() == 2);
            assertThat(o.settled(2)).isTrue();
            assertThat(o.settled(1)).isFalse();
            // A resend after a rewind is acknowledged again, after the first ack's row is gone.
            o.acked(2);
            o.acked(3);
            assertThat(o.stats().acked()).isEqualTo(2);
            assertThat(o.deadLetter(3, LossReason.REFUSED_QUOTA_EXCEEDED)).isFalse();
            o.acked(1);
            o.acked(4);
            await().atMost(WAIT).until(() -> o.stats().oldestPendingSeq() == -1);
            o.acked(1);
            o.acked(4);
            assertThat(o.stats().acked()).isEqualTo(4);
            assertThat(o.stats().depth()).isZero();
            assertThat(o.stats().deadLettered()).isZero();
        }
    }

    @Test
    void appendAfterCloseIsCountedNotSilentlyLost() {
        Outbox o = open();
        o.close();
        o.append("t", Aggregates.temperature(1));
        assertThat(o.stats().queueFullDrops()).isEqualTo(1);
    }

    @Test
    void createsTheDirectoryAndFileOwnerOnly() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 1);
            o.awaitCommitted(1, WAIT);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/outbox.mv.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anUnreadableFileIsReplacedAndSeqResumesAboveTheCeilingTheOldFileReserved() throws Exception {
        try (Outbox o = open()) {
            appendN(o, 10);
            o.awaitCommitted(10, WAIT);
        }
        Files.write(dir.resolve("data/outbox.mv.db"), new byte[8192]);
        try (Outbox o = open()) {
            // The old file reserved its first step of seqs at its open; its last 10 are below.
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isEqualTo(SeqReservation.MIN_BLOCK + 1);
        }
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".seq-reserved-")))
                    .as("one marker, raised with the new file's reservation").containsExactly(
                            "outbox.seq-reserved-" + (2 * SeqReservation.MIN_BLOCK));
        }
    }

    @Test
    void anUnreadableFileWithoutAReservedCeilingNextToItResumesAboveTheEpochMillis() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/outbox.mv.db"), new byte[8192]);
        try (Outbox o = open()) {
            assertThat(o.append("t", Aggregates.temperature(1)).seq()).isGreaterThan(1_000_000_000_000L);
        }
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("outbox.mv.db.corrupt-"));
        }
    }
}
